// Runs Shopify's Theme Check (@shopify/theme-check-node, pinned in package-lock.json) with the .theme-check.yml of
// the folder given (its `root` names the extension); prints each offense as one JSON line, and exits 1 when there is any.
const path = require('node:path');
const { themeCheckRun } = require('@shopify/theme-check-node');

async function main() {
  const root = path.resolve(process.argv[2]);
  const { offenses, theme } = await themeCheckRun(root, path.join(root, '.theme-check.yml'), () => {});
  for (const o of offenses) {
    console.log(
      JSON.stringify({
        check: o.check,
        severity: o.severity,
        file: o.uri.replace('file://' + root + '/', ''),
        line: o.start?.line,
        message: o.message,
      }),
    );
  }
  console.error(`theme-check: ${theme.length} files, ${offenses.length} offenses`);
  process.exit(offenses.length ? 1 : 0);
}
main().catch((error) => {
  console.error(error);
  process.exit(2);
});
