#!/usr/bin/env node
import { deftProgram } from '../program/deft-program';
import { runProgram } from '../program/run-program';

void runProgram(deftProgram(process.cwd()), process.argv);
