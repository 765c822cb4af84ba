// Validates a Teams app manifest against the official JSON schema that @microsoft/app-manifest ships.
// Usage: node manifest/validate-teams.mjs PATH/manifest.json  → prints {"valid":…,"schema":…,"errors":[…]}, exit 1 when invalid.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientApp = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'ResponseDrafter.Api', 'ClientApp', 'package.json');
const require = createRequire(clientApp);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const version = `v${manifest.manifestVersion}`;
const schemaFile = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const valid = ajv.validate(schema, manifest);
const errors = (ajv.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
console.log(JSON.stringify({ valid, schema: `teams/${version}/MicrosoftTeams.schema.json`, errors }));
process.exit(valid ? 0 : 1);
