import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/core/errors.ts
function formatLocation(loc) {
  let out = loc.file ?? "";
  if (loc.line !== void 0) out += `${out ? ":" : "line "}${loc.line}`;
  if (loc.line !== void 0 && loc.column !== void 0) out += `:${loc.column}`;
  if (loc.key !== void 0) out += `${out ? " " : ""}(${loc.key})`;
  return out;
}
var InputError = class extends Error {
  location;
  /** The message without its location prefix (to rebuild the error at another location). */
  detail;
  constructor(message, location = {}, options) {
    const where = formatLocation(location);
    super(where ? `${where}: ${message}` : message, options);
    this.name = "InputError";
    this.location = location;
    this.detail = message;
  }
};
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var ServiceError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ServiceError";
  }
};
function isExpectedError(error) {
  return error instanceof InputError || error instanceof UsageError || error instanceof ServiceError;
}

export {
  formatLocation,
  InputError,
  UsageError,
  ServiceError,
  isExpectedError
};
