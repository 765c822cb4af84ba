// Writes the Word add-in manifest, the Teams app package contents and the pane's sign-in settings for one
// environment, from manifest/environments/NAME.json (the one place that names host and client id).
// Usage: node manifest/build.mjs --environment development --out DIR [--wwwroot-lib DIR]
//        node manifest/build.mjs --environment-file PATH --out DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { colorIcon, outlineIcon } from './icons.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { values: args } = parseArgs({
  options: {
    environment: { type: 'string' },
    'environment-file': { type: 'string' },
    out: { type: 'string' },
    'wwwroot-lib': { type: 'string' },
  },
});

function fail(message) {
  console.error(`manifest/build.mjs: ${message}`);
  process.exit(1);
}

function readEnvironment() {
  const file = args['environment-file'] ?? (args.environment && join(here, 'environments', `${args.environment}.json`));
  if (!file) fail('pass --environment NAME or --environment-file PATH');
  let environment;
  try {
    environment = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`);
  }

  const problems = [];
  let origin;
  try {
    origin = new URL(environment.origin);
  } catch {
    problems.push('origin must be an absolute URL such as https://responsedrafter.example.org');
  }
  if (origin && (origin.protocol !== 'https:' || origin.pathname !== '/' || origin.search || origin.hash)) {
    problems.push('origin must be https:// with no path (Office and Teams load only https pages)');
  }
  if (!guid.test(environment.wordAddInId ?? '')) problems.push('wordAddInId must be a GUID');
  if (!guid.test(environment.teamsAppId ?? '')) problems.push('teamsAppId must be a GUID');
  if (environment.clientId && !guid.test(environment.clientId)) problems.push('clientId must be empty (local development sign-in) or the Entra application (client) id');
  if (!/^\d+\.\d+\.\d+$/.test(environment.version ?? '')) problems.push('version must be MAJOR.MINOR.PATCH');
  if (problems.length > 0) fail(`${file}: ${problems.join('; ')}`);
  return { ...environment, origin: origin.origin, host: origin.host, file };
}

function values(environment) {
  const resource = environment.clientId ? `api://${environment.host}/${environment.clientId}` : '';
  return {
    origin: environment.origin,
    host: environment.host,
    clientId: environment.clientId ?? '',
    resource,
    wordAddInId: environment.wordAddInId,
    teamsAppId: environment.teamsAppId,
    version: environment.version,
    wordVersion: `${environment.version}.0`,
    authority: environment.authority ?? 'https://login.microsoftonline.com/organizations',
  };
}

const xmlEscape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(template, map, escape) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in map)) fail(`unknown placeholder {{${key}}}`);
    return escape(map[key]);
  });
}

function wordManifest(v) {
  const sso = v.clientId
    ? `
    <WebApplicationInfo>
      <Id>${xmlEscape(v.clientId)}</Id>
      <Resource>${xmlEscape(v.resource)}</Resource>
      <Scopes>
        <Scope>openid</Scope>
        <Scope>profile</Scope>
      </Scopes>
    </WebApplicationInfo>`
    : '';
  const template = readFileSync(join(here, 'word', 'manifest.template.xml'), 'utf8');
  return fill(template.replace('{{webApplicationInfo}}', sso), v, xmlEscape);
}

function teamsManifest(v) {
  const template = readFileSync(join(here, 'teams', 'manifest.template.json'), 'utf8');
  const manifest = JSON.parse(template, (_, value) => (typeof value === 'string' ? fill(value, v, (s) => s) : value));
  if (v.clientId) {
    manifest.webApplicationInfo = { id: v.clientId, resource: v.resource };
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function signInSettings(v) {
  return `${JSON.stringify({
    clientId: v.clientId,
    authority: v.authority,
    scopes: v.clientId ? [`${v.resource}/access_as_user`] : [],
  }, null, 2)}\n`;
}

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

if (!args.out) fail('pass --out DIR');
const environment = readEnvironment();
const v = values(environment);
const out = resolve(args.out);
write(join(out, 'word', 'manifest.xml'), wordManifest(v));
write(join(out, 'teams', 'package', 'manifest.json'), teamsManifest(v));
write(join(out, 'teams', 'package', 'color.png'), colorIcon(192));
write(join(out, 'teams', 'package', 'outline.png'), outlineIcon(32));
if (args['wwwroot-lib']) {
  const lib = resolve(args['wwwroot-lib']);
  for (const size of [16, 32, 64, 80]) write(join(lib, 'icons', `icon-${size}.png`), colorIcon(size));
  write(join(lib, 'sign-in.json'), signInSettings(v));
}
