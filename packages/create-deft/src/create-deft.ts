#!/usr/bin/env node
import { createDeftProgram, runProgram } from '@deft/cli';

void runProgram(createDeftProgram(process.cwd()), process.argv);
