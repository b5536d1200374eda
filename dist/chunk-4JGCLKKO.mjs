import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/cli/io.ts
import { existsSync, fstatSync } from "node:fs";
import { basename, delimiter, join } from "node:path";
function processIo() {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    stdoutIsFile: isRegularFile(1)
  };
}
function isRegularFile(fd) {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}
function memoryIo(options = {}) {
  const io = {
    out: "",
    err: "",
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
    stdoutIsFile: options.stdoutIsFile ?? false
  };
  return io;
}
function mlopsInvocation(env, script = process.argv[1]) {
  if (env.npm_lifecycle_event === "npx") return "npx mlops";
  const onPath = (env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, "mlops")));
  if (onPath || script === void 0 || basename(script) !== "mlops.mjs") return "mlops";
  return `node ${shellWord(script)}`;
}
function shellWord(word) {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

export {
  processIo,
  memoryIo,
  mlopsInvocation,
  shellWord
};
