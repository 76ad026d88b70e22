import { Command } from 'commander';
import { DEFT_VERSION } from '../scaffold/templates/versions';
import { newAction } from './deft-program';
import { addNewOptions } from './options';

/** `npm create deft@latest [directory]`: the create-deft package runs this, the same as `deft new`. */
export function createDeftProgram(cwd: string): Command {
  const program = new Command('create-deft')
    .description('Create a Deft app: FastAPI\'s programming model for TypeScript, on Fastify.')
    .version(DEFT_VERSION, '-v, --version')
    .showHelpAfterError();
  return addNewOptions(program).action(newAction(cwd));
}
