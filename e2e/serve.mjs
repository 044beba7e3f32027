// Starts `kith ARGS…` (a `serve --port 0` command line) and resolves, once it
// says where it listens, to the process and its http://127.0.0.1:PORT base.
// Shared by the browser tests and the CardDAV client tests (tests/dav/).
import { spawn } from 'node:child_process';

export function serveKith(kith, args) {
  return new Promise((resolve, reject) => {
    const server = spawn(kith, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (found) resolve({ server, base: `http://127.0.0.1:${found[1]}` });
    });
    server.on('exit', (code) => reject(new Error(`kith serve exited with ${code}: ${output}`)));
  });
}
