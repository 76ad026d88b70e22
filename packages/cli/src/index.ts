export type { DeftSettings, Project } from './project/find-project';
export type { NewFlags } from './program/deft-program';
export type { RouteRow } from './routes/route-table';
export type { ModuleSystem, PackageManager, ScaffoldOptions } from './scaffold/scaffold-options';

export { CliError } from './errors/cli-error';
export { addNewOptions } from './program/options';
export { createDeftProgram } from './program/create-program';
export { deftProgram, newAction } from './program/deft-program';
export { runProgram } from './program/run-program';
export { findProject } from './project/find-project';
export { loadApp } from './project/load-app';
export { routeTable } from './routes/route-table';
export { projectFiles } from './scaffold/project-files';
