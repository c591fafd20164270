// Copies the browser files of the front-end packages into lib/, so the site runs with nothing but the .NET SDK.
// Run with `npm install && npm run vendor` after changing a version in package.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

copyFileSync("node_modules/@microsoft/signalr/dist/browser/signalr.min.js", "lib/signalr/signalr.min.js");

// Atkinson Hyperlegible: the latin and latin-ext subsets (Welsh needs ŵ and ŷ), regular and bold, upright and italic.
const font = "node_modules/@fontsource/atkinson-hyperlegible/";
const out = "lib/atkinson-hyperlegible/";
mkdirSync(out, { recursive: true });
const faces = [];
for (const file of ["400.css", "400-italic.css", "700.css", "700-italic.css"]) {
    for (const face of readFileSync(font + file, "utf8").match(/@font-face \{[^}]*\}/g)) {
        const name = face.match(/files\/(atkinson-hyperlegible-latin(?:-ext)?-\d+-(?:normal|italic))\.woff2/)?.[1];
        if (!name) continue;
        copyFileSync(`${font}files/${name}.woff2`, `${out}${name}.woff2`);
        faces.push(face.replace(/src: [^;]*;/, `src: url(./${name}.woff2) format('woff2');`));
    }
}
copyFileSync(font + "LICENSE", out + "LICENSE");
writeFileSync(out + "fonts.css",
    "/* Atkinson Hyperlegible (SIL Open Font License 1.1), vendored from @fontsource/atkinson-hyperlegible by vendor.mjs. */\n"
    + faces.join("\n") + "\n");
