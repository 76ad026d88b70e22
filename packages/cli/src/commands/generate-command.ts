import { join } from 'node:path';
import pc from 'picocolors';
import { generateTarget, relativeImport, type GenerateTarget } from '../generate/generate-target';
import { parseName, singular } from '../generate/names';
import { controllerTestTs, controllerTs } from '../generate/templates/controller-template';
import { dependencyTestTs, dependencyTs } from '../generate/templates/dependency-template';
import { entityTs, repositoryTs, resourceControllerTs, resourceTestTs } from '../generate/templates/resource-template';
import { writeNewFiles } from '../scaffold/write-files';

export const GENERATORS = ['controller', 'resource', 'dependency'] as const;
export type Generator = (typeof GENERATORS)[number];

interface Plan {
  readonly files: Map<string, string>;
  /** What the user does next, such as registering the controller. */
  readonly next: string;
}

function controllerPlan(name: string, target: GenerateTarget): Plan {
  const names = parseName(name, 'controller');
  const source = join(target.sourceDir, names.kebab, `${names.kebab}-controller.ts`);
  const test = join(target.testDir, `${names.kebab}-controller.test.ts`);
  return {
    files: new Map([
      [source, controllerTs(names)],
      [test, controllerTestTs(names, relativeImport(test, source), target.style)],
    ]),
    next: `Add ${names.pascal}Controller to the controllers of createApp in your app module.`,
  };
}

function resourcePlan(name: string, target: GenerateTarget): Plan {
  const many = parseName(name, 'resource');
  const one = singular(many);
  const folder = join(target.sourceDir, many.kebab);
  const entity = join(folder, `${one.kebab}.ts`);
  const repository = join(folder, `${many.kebab}-repository.ts`);
  const controller = join(folder, `${many.kebab}-controller.ts`);
  const test = join(target.testDir, `${many.kebab}.test.ts`);
  const resource = { many, one, imports: { entity: relativeImport(controller, entity), repository: relativeImport(controller, repository) } };
  return {
    files: new Map([
      [entity, entityTs(resource)],
      [repository, repositoryTs({ ...resource, imports: { ...resource.imports, entity: relativeImport(repository, entity) } }, target.style)],
      [controller, resourceControllerTs(resource, target.style)],
      [test, resourceTestTs(resource, relativeImport(test, controller), target.style)],
    ]),
    next: `Add ${many.pascal}Controller to the controllers of createApp in your app module.`,
  };
}

function dependencyPlan(name: string, target: GenerateTarget): Plan {
  const names = parseName(name, 'dependency');
  const source = join(target.sourceDir, 'dependencies', `${names.kebab}.ts`);
  const test = join(target.testDir, `${names.kebab}.test.ts`);
  return {
    files: new Map([
      [source, dependencyTs(names)],
      [test, dependencyTestTs(names, relativeImport(test, source), target.style)],
    ]),
    next: `Use it in a handler: @Depends(${names.camel}) value: string.`,
  };
}

const PLANS: Record<Generator, (name: string, target: GenerateTarget) => Plan> = { controller: controllerPlan, resource: resourcePlan, dependency: dependencyPlan };

/** `deft generate controller|resource|dependency NAME`: new files with a passing test; never over an existing file. */
export function generateCommand(kind: Generator, name: string, cwd: string): void {
  const target = generateTarget(cwd);
  const plan = PLANS[kind](name, target);
  for (const file of writeNewFiles(target.root, plan.files, cwd)) console.log(`${pc.green('created')} ${file}`);
  console.log(plan.next);
}
