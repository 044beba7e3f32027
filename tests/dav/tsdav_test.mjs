// A real JavaScript CardDAV client against `kith serve`: the npm package
// tsdav (what many web and Electron address books use) signs in with an app
// password from `kith device add`, discovers the address book through
// /.well-known/carddav, fetches the cards, creates, updates (If-Match) and
// deletes one, and follows the changes with sync-collection and its token.
// What the client did is checked on kith's side with the CLI. tsdav is one of
// web/'s pinned npm packages (scripts/build-web.sh installs them); a missing
// tsdav fails the test. With --postgres URL_FILE the server runs on a new
// database in the PostgreSQL cluster whose libpq URI is in that file (ctest's
// postgres_cluster fixture writes it), dropped at the end.
// Usage: node tests/dav/tsdav_test.mjs KITH_BINARY [--postgres URL_FILE]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveKith } from '../../e2e/serve.mjs';

const [kith, postgresFlag, postgresUrlFile] = process.argv.slice(2);
if (!kith || (postgresFlag !== undefined && (postgresFlag !== '--postgres' || !postgresUrlFile))) {
  console.error('usage: node tests/dav/tsdav_test.mjs KITH_BINARY [--postgres URL_FILE]');
  process.exit(2);
}

let tsdav;
try {
  tsdav = createRequire(new URL('../../web/package.json', import.meta.url))('tsdav');
} catch (error) {
  console.error(`FAIL: tsdav is not installed (npm ci in web/, as scripts/build-web.sh does): ${error.message}`);
  process.exit(1);
}
const { createDAVClient } = tsdav;

const work = mkdtempSync(join(tmpdir(), 'kith-tsdav-'));
// A new database in the cluster, its URI the cluster's with another path.
function freshPostgresDatabase(urlFile) {
  const cluster = readFileSync(urlFile, 'utf8').split('\n')[0].trim();
  const name = `kith_tsdav_${process.pid}`;
  const psql = (sql) => execFileSync('psql', [cluster, '-qc', sql], { encoding: 'utf8' });
  psql(`DROP DATABASE IF EXISTS ${name}`);
  psql(`CREATE DATABASE ${name}`);
  process.on('exit', () => {
    try {
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      // The cluster is thrown away after the run all the same.
    }
  });
  // The path is the database; an empty host (a socket directory in the
  // query) is valid libpq but no WHATWG URL, so the path is swapped by hand.
  const authority = cluster.indexOf('//') + 2;
  const pathStart = cluster.indexOf('/', authority);
  const queryStart = cluster.indexOf('?', authority);
  const pathEnd = queryStart === -1 ? cluster.length : queryStart;
  const head = pathStart === -1 || pathStart > pathEnd ? cluster.slice(0, pathEnd) : cluster.slice(0, pathStart);
  return `${head}/${name}${cluster.slice(pathEnd)}`;
}
const database = postgresUrlFile ? freshPostgresDatabase(postgresUrlFile) : join(work, 'kith.db');
const run = (...args) => execFileSync(kith, ['--db', database, ...args], { encoding: 'utf8' });
const people = (trash = false) => {
  const listed = JSON.parse(run('list', '--json', '--limit', '1000', ...(trash ? ['--trash'] : [])));
  const contacts = Array.isArray(listed) ? listed : listed.contacts;
  return new Map(contacts.map((person) => [person.name, person]));
};

let passed = 0;
const failures = [];
// Each step builds on the one before: the first failure ends the run.
async function check(name, body) {
  if (failures.length > 0) return;
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error.stack ?? error}`);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

run('add', '--name', 'Ada Okafor', '--email', 'ada@acme.example', '--company', 'Acme Robotics', '--met-at', 'RustConf');
run('add', '--name', 'Linus Lee', '--email', 'linus@kernel.example');
const device = JSON.parse(run('device', 'add', 'tsdav', '--json', '--server', 'http://127.0.0.1'));
const { server, base } = await serveKith(kith, ['--db', database, 'serve', '--port', '0']);
process.on('exit', () => server.kill('SIGTERM'));

const signIn = (password) =>
  createDAVClient({
    serverUrl: base,
    credentials: { username: device.username, password },
    authMethod: 'Basic',
    defaultAccountType: 'carddav',
  });
const syncProps = { 'd:getetag': {} };
const cardUrl = (book, uid) => new URL(`${uid}.vcf`, book.url).href;
const grace = (title) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'UID:grace-hopper',
    'FN:Grace Hopper',
    'N:Hopper;Grace;;;',
    'ORG:Navy',
    'EMAIL;TYPE=INTERNET:grace@navy.example',
    ...(title ? [`TITLE:${title}`] : []),
    'X-CUSTOM-FIELD:kept as sent',
    'END:VCARD',
    '',
  ].join('\r\n');

let client;
let book;
let token;
try {
  await check('a wrong app password is refused', async () => {
    const refused = await signIn('not-the-password').then(
      () => false,
      () => true,
    );
    expect(refused, 'createDAVClient signed in with a wrong password');
  });

  await check('discovery through /.well-known/carddav finds the default book', async () => {
    // The client is given only the server's root: it finds /dav/ itself.
    client = await signIn(device.password);
    const books = await client.fetchAddressBooks();
    book = books.find((each) => each.url.endsWith('/dav/books/default/'));
    expect(book, `books: ${books.map((each) => each.url).join(', ')}`);
    expect(book.syncToken && book.ctag, `a sync token and a ctag: ${JSON.stringify(book)}`);
    token = book.syncToken;
  });

  await check('fetchVCards brings every card with its ETag', async () => {
    const cards = await client.fetchVCards({ addressBook: book });
    expect(cards.length === 2, `${cards.length} cards`);
    const ada = cards.find((card) => card.data.includes('FN:Ada Okafor'));
    expect(ada?.etag && ada.data.includes('ada@acme.example') && ada.data.includes('Acme Robotics'), 'Ada in full');
    expect(cards.some((card) => card.data.includes('FN:Linus Lee')), 'Linus');
  });

  let graceCard;
  await check('createVCard adds the person to kith, keeping what kith does not model', async () => {
    const created = await client.createVCard({ addressBook: book, filename: 'grace-hopper.vcf', vCardString: grace() });
    expect(created.status === 201, `status ${created.status}`);
    expect(people().get('Grace Hopper')?.company === 'Navy', 'Grace in kith with her company');
    const [fetched] = await client.fetchVCards({ addressBook: book, objectUrls: [cardUrl(book, 'grace-hopper')] });
    expect(fetched?.data.includes('X-CUSTOM-FIELD:kept as sent'), `the card as sent: ${fetched?.data}`);
    graceCard = fetched;
  });

  await check('updateVCard with the current ETag lands; a stale ETag gets 412 and changes nothing', async () => {
    const updated = await client.updateVCard({ vCard: { ...graceCard, data: grace('Rear Admiral') } });
    expect(updated.ok, `status ${updated.status}`);
    expect(people().get('Grace Hopper')?.title === 'Rear Admiral', 'the title reached kith');
    const stale = await client.updateVCard({ vCard: { ...graceCard, data: grace('Stale') } });
    expect(stale.status === 412, `a stale If-Match got ${stale.status}`);
    expect(people().get('Grace Hopper')?.title === 'Rear Admiral', 'the stale edit overwrote the newer one');
  });

  await check('sync-collection with the token reports what changed since', async () => {
    run('edit', 'Ada Okafor', '--title', 'CTO');
    const changes = await client.syncCollection({ url: book.url, props: syncProps, syncLevel: 1, syncToken: token });
    const hrefs = changes.map((response) => response.href ?? '');
    expect(hrefs.some((href) => href.endsWith('/grace-hopper.vcf')), `Grace's card: ${hrefs}`);
    expect(hrefs.some((href) => href.endsWith('.vcf') && !href.endsWith('/grace-hopper.vcf')), `Ada's card: ${hrefs}`);
    expect(!hrefs.some((href) => /linus/i.test(href)), 'only what changed');
    const again = (await client.fetchAddressBooks()).find((each) => each.url === book.url);
    expect(again.syncToken !== token, 'the token moved on');
    token = again.syncToken;
    const nothing = await client.syncCollection({ url: book.url, props: syncProps, syncLevel: 1, syncToken: token });
    expect(nothing.every((response) => !(response.href ?? '').endsWith('.vcf')), 'nothing changed since the new token');
  });

  await check('deleteVCard moves the person to kith\'s trash; the sync reports it as 404', async () => {
    const [current] = await client.fetchVCards({ addressBook: book, objectUrls: [cardUrl(book, 'grace-hopper')] });
    const deleted = await client.deleteVCard({ vCard: current });
    expect(deleted.status === 204, `status ${deleted.status}`);
    expect(!people().has('Grace Hopper') && people(true).has('Grace Hopper'), 'Grace in the trash');
    const changes = await client.syncCollection({ url: book.url, props: syncProps, syncLevel: 1, syncToken: token });
    const gone = changes.find((response) => (response.href ?? '').endsWith('/grace-hopper.vcf'));
    expect(gone?.status === 404, `Grace reported as ${JSON.stringify(gone)}`);
  });
} finally {
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

console.log(`tsdav: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
