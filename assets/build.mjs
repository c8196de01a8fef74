// Builds Cairn's front-end into build/dist, which Django serves as static files.
// GOV.UK Frontend and MoJ Frontend are compiled from their SCSS sources with Arial (Cairn is
// not on GOV.UK, so no GDS Transport) and asset paths under /static/.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "dist");
const modules = join(root, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "govuk"), { recursive: true });

const css = sass.compile(join(root, "assets", "scss", "cairn.scss"), {
  loadPaths: [root, modules],
  style: "compressed",
  quietDeps: true,
  logger: sass.Logger.silent,
  
});
writeFileSync(join(out, "cairn.css"), css.css);

cpSync(join(modules, "govuk-frontend/dist/govuk/assets"), join(out, "govuk/assets"), { recursive: true });
cpSync(join(modules, "@ministryofjustice/frontend/moj/assets"), join(out, "govuk/assets"), { recursive: true });
rmSync(join(out, "govuk/assets/fonts"), { recursive: true, force: true });
cpSync(join(modules, "govuk-frontend/dist/govuk/govuk-frontend.min.js"), join(out, "govuk/govuk-frontend.min.js"));
cpSync(join(modules, "@ministryofjustice/frontend/moj/moj-frontend.min.js"), join(out, "moj-frontend.min.js"));
cpSync(join(modules, "htmx.org/dist/htmx.min.js"), join(out, "htmx.min.js"));
cpSync(join(root, "assets", "js"), out, { recursive: true });
console.log(`built ${out}`);
