import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  require_tf_core_node
} from "./chunk-HSWKKPA4.mjs";
import "./chunk-SSCV3AA7.mjs";
export default require_tf_core_node();
