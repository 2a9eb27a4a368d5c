// build.mjs — compiles indgang.scss (the dkfds modules Indgang uses and the mapping of its class
// names) into one minified stylesheet and copies the files that stylesheet refers to (the font
// weights and icons, by url("name")) beside it, so that exactly those are embedded:
//   node tools/design/build.mjs OUTDIR      writes OUTDIR/dkfds.css and OUTDIR/<each file>
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "node_modules", "dkfds", "dist");
const where = [join(dist, "fonts", "IBMPlexSans", "split", "woff2"), join(dist, "img", "svg-icons")];
const out = process.argv[2];
if (!out) {
  console.error("usage: node tools/design/build.mjs OUTDIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const { css } = sass.compile(join(here, "indgang.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  quietDeps: true,
});
for (const [, name] of css.matchAll(/url\("?([^")]+)"?\)/g)) {
  const from = where.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!from || name.includes("/")) {
    console.error(`build.mjs: the stylesheet refers to ${name}, which dkfds does not have`);
    process.exit(1);
  }
  copyFileSync(from, join(out, name));
}
writeFileSync(join(out, "dkfds.css"), css + "\n");
