import { Controller, Depends, Get, HTTPException, Path } from '@deft/core';
import { loadCatalog, type Product } from './catalog';

/** Made once, before the app's first request, and shared by every request. */
const UseCatalog = Depends(loadCatalog, { scope: 'app' });

@Controller('/catalog')
export class CatalogController {
  @Get('/{sku}')
  readProduct(@Path('sku') sku: string, @UseCatalog catalog: Map<string, Product>) {
    const product = catalog.get(sku);
    if (product === undefined) throw new HTTPException(404, 'Product not found');
    return product;
  }
}
