// build.mjs — compiles indgang.scss (the dkfds modules Indgang uses and the mapping of its class
// names) into one minified stylesheet and copies the files that stylesheet refers to (the font
// weights and icons, by url("name")) beside it, so that exactly those are embedded:
//   node tools/design/build.mjs OUTDIR      writes OUTDIR/dkfds.css, OUTDIR/<each file> and
//                                           OUTDIR/THIRD-PARTY.txt, the licences of what is
//                                           embedded (dkfds: MIT; IBM Plex Sans: OFL-1.1; the
//                                           icons: Apache-2.0), served as /static/THIRD-PARTY.txt
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
const version = JSON.parse(readFileSync(join(dist, "..", "package.json"), "utf8")).version;
const notice = `Det Fælles Designsystem (dkfds ${version}, MIT; IBM Plex Sans, OFL-1.1; icons, ` +
  "Apache-2.0): /static/THIRD-PARTY.txt";
writeFileSync(join(out, "dkfds.css"), `/*! ${notice} */\n${css}\n`);
const rule = "\n\n" + "=".repeat(78) + "\n\n";
writeFileSync(join(out, "THIRD-PARTY.txt"), [
  "Indgang's stylesheet, fonts and icons (/static/) hold parts of Det Fælles Designsystem,\n" +
    `the npm package dkfds ${version} (https://designsystem.dk/). Its licences follow: the\n` +
    "design system's own (MIT, with the list of parts under other licences), the licence of the\n" +
    "IBM Plex Sans fonts (SIL Open Font License 1.1), and the Apache License 2.0 of the icons.",
  readFileSync(join(dist, "LICENSE.md"), "utf8").trim(),
  readFileSync(join(where[0], "license.txt"), "utf8").trim(),
  readFileSync(join(here, "LICENSE-Apache-2.0.txt"), "utf8").trim(),
].join(rule) + "\n");
