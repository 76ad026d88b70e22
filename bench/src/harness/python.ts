import { execFileSync } from 'node:child_process';

export interface PythonInfo {
  readonly executable: string;
  readonly fastapi: string;
  readonly uvicorn: string;
}

const CANDIDATES = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));

/**
 * A Python that has FastAPI and uvicorn (Debian's python3-fastapi and
 * python3-uvicorn), or `undefined`: FastAPI is then skipped with a note.
 */
export function findPython(): PythonInfo | undefined {
  for (const executable of CANDIDATES) {
    try {
      const out = execFileSync(executable, ['-c', 'import fastapi, uvicorn; print(fastapi.__version__, uvicorn.__version__)'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const [fastapi = '?', uvicorn = '?'] = out.trim().split(' ');
      return { executable, fastapi, uvicorn };
    } catch {
      // Not this one: no such interpreter, or no FastAPI in it.
    }
  }
  return undefined;
}

export const PYTHON_MISSING_NOTE =
  'FastAPI skipped: no python3 with fastapi and uvicorn (apt-get install python3-fastapi python3-uvicorn python3-multipart, or set BENCH_PYTHON).';
