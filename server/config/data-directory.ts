import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "./config-error";

/**
 * `mkdir -p` of the data directory, one level at a time: Node 20's recursive mkdirSync loops forever where a file
 * system answers ENOENT for a directory it will never hold (DATA_DIR=/proc/x). A directory that cannot be made is a
 * configuration error naming it.
 */
export function makeDataDirectory(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const directory of missing) {
    try {
      mkdirSync(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      const why = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConfigError(
        `配置错误：无法创建数据目录 ${resolve(path)}（${directory}：${why}）；请把 DATA_DIR 设为可写的目录。\n` +
          `invalid configuration: the data directory ${resolve(path)} cannot be created (${directory}: ${why}); ` +
          "set DATA_DIR to a writable directory.",
      );
    }
  }
}
