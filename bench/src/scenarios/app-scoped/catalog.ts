export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly price: number;
}

/** What the app-scoped scenario's catalog holds; each implementation makes it once, when its app starts. */
export function loadCatalog(): Map<string, Product> {
  const products: Product[] = [
    { sku: 'lamp-01', name: 'Desk lamp', price: 30 },
    { sku: 'desk-07', name: 'Standing desk', price: 420 },
  ];
  return new Map(products.map((product) => [product.sku, product]));
}
