/*
 * run.mjs — browser and accessibility tests of Indgang.
 *
 * Starts the real `indgang serve` on a free port with a temporary demo database and drives
 * Debian's Chromium through the flows a person uses: the public pages, signing in with the
 * keyboard only, creating a user (first with errors), deactivating it, signing out, reading the
 * audit log as the national administrator, the same sign-in and create flow with JavaScript
 * turned off, a konsulent of another municipality being refused (an error page in Danish), an
 * inquiry through the one entry point to its closed case, the registry's Type filter, an
 * enterprise's own account creating an opening (stilling) with the keyboard, a jobkonsulent
 * placing a citizen and recording the outcome (with the enterprise's own view), the advisory
 * page's period and enterprise list on a phone, every role's pages at 1280 and 390 pixels
 * wide, where nothing may make the page scroll sideways, and a konsulent reading the reports (the
 * overview and its print layout, a figure's list, the national view, the yearly report).
 *
 * Every page a test lands on is checked with axe-core; any violation tagged wcag2a, wcag2aa,
 * wcag21a or wcag21aa fails that test, reported with rule id, impact and target. A test also
 * fails if one of its pages was never checked, or shows the HTML writer's "[bad format]".
 *
 * Usage:  node tests/browser/run.mjs
 *   INDGANG_BIN    the server binary (default: indgang at the repository root)
 *   INDGANG_TEST_BACKEND=postgresql with INDGANG_TEST_PG (tests/run.sh sets both): the server's
 *                  database is a PostgreSQL one, a copy of the cluster's indgang_template
 *                  (tests/tools/testdb.h), dropped at the end
 *   SCREENSHOT_TO  if set, a 1280x800 PNG of the users page (/brugere as konsulent) goes there
 *   INDGANG_SHOTS=1  a screenshot of every page visited, not only of the pages of a failure
 * Screenshots go to tests/browser/out/ (on PostgreSQL to tests/browser/out-postgresql/). Prints
 * "ok - name (seconds)" or "not ok - name (seconds): reason" per test and, as the last line,
 * "N passed, N failed"; exits 1 on any failure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(process.env.INDGANG_BIN ?? join(HERE, '..', '..', 'indgang'));
/* the screenshots of failures, each pass in a folder of its own; with INDGANG_SHOTS=1 also one
 * of every page a test lands on, for a look at the pages (about 440, a minute of the run) */
const OUT = join(HERE, process.env.INDGANG_TEST_BACKEND === 'postgresql' ? 'out-postgresql' : 'out');
const EVERY_SHOT = process.env.INDGANG_SHOTS === '1';
const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TEST_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;

const PASSWORD = 'indgang-demo-2026';
const KOLDING = 'konsulent@kolding.example';
const SILKEBORG = 'konsulent@silkeborg.example';
const ADMIN = 'admin@indgang.example';
const VIRKSOMHED = 'virksomhed@kolding.example';

const CHROMIUM = {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const VIEWPORT = { width: 1280, height: 800 };

/* ---------------------------------------------------------------- the server */

/* PostgreSQL: the tests' cluster, as tests/tools/testdb.c uses it */
const PG = process.env.INDGANG_TEST_BACKEND === 'postgresql' && process.env.INDGANG_TEST_PG
	? process.env.INDGANG_TEST_PG : null;
/* the cluster's URI with another database name */
function pgUri(name) {
	const q = PG.indexOf('?');
	const head = q < 0 ? PG : PG.slice(0, q);
	return `${head.slice(0, head.lastIndexOf('/'))}/${name}${q < 0 ? '' : PG.slice(q)}`;
}

/* runs text in the server's database (sqlite3, or psql on PostgreSQL): its output, trimmed */
function sql(db, text) {
	const out = PG
		? execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', text])
		: execFileSync('sqlite3', [db, text]);
	return out.toString().trim();
}

/* Makes a key file for the CPR numbers, runs `indgang --db DB demo`, then `serve` on a free
 * port; resolves to the server once it has printed its address. On PostgreSQL the database is a
 * copy of the migrated template. */
async function startServer(dir) {
	let db = join(dir, 'indgang.db');
	if (PG) {
		execFileSync(BIN, ['--db', pgUri('indgang_template'), 'migrate'], { stdio: 'pipe' });
		const name = `browser_${process.pid}`;
		execFileSync('createdb', [`--maintenance-db=${pgUri('postgres')}`, '-T', 'indgang_template', name],
			{ stdio: 'pipe' });
		db = pgUri(name);
	}
	const key = join(dir, 'indgang.key');
	execFileSync(BIN, ['--key-file', key, 'key', 'init'], { stdio: 'pipe' });
	execFileSync(BIN, ['--db', db, '--key-file', key, 'demo'], { stdio: 'pipe' });
	const proc = spawn(BIN, ['--db', db, '--key-file', key, 'serve', '--listen', '127.0.0.1:0',
		'--no-access-log'],
		{ stdio: ['ignore', 'pipe', 'pipe'] });
	const server = { proc, base: null, log: '', exited: null, db };
	proc.stderr.on('data', (d) => { server.log += d; });
	server.exited = new Promise((done) => proc.on('exit', (code, signal) => done({ code, signal })));
	server.base = await new Promise((done, fail) => {
		let out = '';
		const timer = setTimeout(() => fail(new Error('the server printed no address in 15 s')), 15_000);
		proc.stdout.on('data', (d) => {
			out += d;
			const m = /serves (http:\/\/\S+?)\/?\s/.exec(out);
			if (m) {
				clearTimeout(timer);
				done(m[1]);
			}
		});
		server.exited.then(({ code, signal }) => {
			clearTimeout(timer);
			fail(new Error(`the server exited (${signal ?? code}) before serving: ${server.log.trim()}`));
		});
	});
	return server;
}

/* Sends SIGTERM and waits for the exit; SIGKILL if the server has not stopped within 10 s. */
async function stopServer(server) {
	if (!server || server.proc.exitCode !== null || server.proc.signalCode !== null)
		return;
	server.proc.kill('SIGTERM');
	const timer = setTimeout(() => server.proc.kill('SIGKILL'), 10_000);
	await server.exited;
	clearTimeout(timer);
}

/* ---------------------------------------------------------------- pages and axe */

let browser;
let server;
let mirror; /* a JavaScript-enabled page where pages of a no-JavaScript context are checked */
let shotCount = 0;
const tracked = new Map(); /* page -> { js, documents, audited, status } */

class TestFailure extends Error {}

function expect(condition, message) {
	if (!condition)
		throw new TestFailure(message);
}

async function newPage({ javaScriptEnabled = true, viewport = VIEWPORT } = {}) {
	const context = await browser.newContext({
		javaScriptEnabled, bypassCSP: true, viewport, locale: 'da-DK',
	});
	context.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await context.newPage();
	const info = { js: javaScriptEnabled, documents: 0, audited: 0, status: 0 };
	tracked.set(page, info);
	page.on('domcontentloaded', () => {
		if (page.url().startsWith(server.base))
			info.documents++;
	});
	page.on('response', (res) => {
		const req = res.request();
		if (req.isNavigationRequest() && req.frame() === page.mainFrame() &&
		    (res.status() < 300 || res.status() >= 400))
			info.status = res.status();
	});
	return page;
}

async function closePage(page) {
	tracked.delete(page);
	await page.context().close();
}

/* Runs axe in the page (which must allow scripts) and returns its WCAG A/AA violations. */
async function axeViolations(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.addScriptTag({ path: AXE });
	const found = await page.evaluate(async (tags) => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, tags: v.tags, help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	}, AXE_TAGS);
	return found.filter((v) => v.tags.some((t) => AXE_TAGS.includes(t)));
}

/* axe needs scripts to run; a page from a no-JavaScript context is checked as served: its
 * markup is replayed at the same address in a JavaScript-enabled page, which loads the same
 * stylesheet from the server. */
async function axeViolationsNoScript(page) {
	const url = page.url();
	const html = await page.content();
	if (!mirror) {
		mirror = await newPage();
		tracked.delete(mirror);
	}
	const same = (u) => u.href === url;
	await mirror.route(same, (route) => route.fulfill({
		status: 200, contentType: 'text/html; charset=utf-8', body: html,
	}));
	try {
		await mirror.goto(url);
		return await axeViolations(mirror);
	} finally {
		await mirror.unroute(same);
	}
}

function slug(text) {
	return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/* Checks the page now shown with axe, records its violations on the test and, with
 * INDGANG_SHOTS=1, saves a screenshot to out/. */
async function audit(tc, page) {
	await page.waitForLoadState('load');
	const info = tracked.get(page);
	const path = new URL(page.url()).pathname + new URL(page.url()).search;
	const violations = info.js ? await axeViolations(page) : await axeViolationsNoScript(page);
	info.audited = info.documents;
	for (const v of violations)
		tc.violations.push(`${path}: ${v.id} (${v.impact}) at ${v.targets.join(', ')} — ${v.help}`);
	/* the HTML writer prints this for a conversion it does not support, and drops the rest */
	if ((await page.content()).includes('[bad format]'))
		tc.defects.push(`${path}: the page contains "[bad format]" from the HTML writer`);
	shotCount++;
	const name = `${String(shotCount).padStart(2, '0')}-${slug(tc.name).slice(0, 40)}-${slug(path) || 'forside'}.png`;
	if (EVERY_SHOT)
		await page.screenshot({ path: join(OUT, name), fullPage: true });
}

/* Opens PATH, checks it, returns the HTTP status. */
async function go(tc, page, path) {
	const res = await page.goto(server.base + path);
	await audit(tc, page);
	return res.status();
}

/* Performs ACTION, which leads to a new page (a link, a form), waits for it, checks it, and
 * returns the status of the page shown (after any redirect). */
async function follow(tc, page, action) {
	const before = tracked.get(page).documents;
	await action();
	const deadline = Date.now() + STEP_TIMEOUT_MS;
	while (tracked.get(page).documents === before) {
		expect(Date.now() < deadline, `no new page after the action on ${page.url()}`);
		await new Promise((r) => setTimeout(r, 25));
	}
	await audit(tc, page);
	return tracked.get(page).status;
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).trim();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const pathOf = (page) => new URL(page.url()).pathname;

/* Signs in through the form by filling and clicking. */
async function signIn(tc, page, email) {
	await go(tc, page, '/login');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await follow(tc, page, () => page.getByRole('button', { name: 'Log ind' }).click());
	expect(pathOf(page) !== '/login', `signing in as ${email} failed: ${await text(page, 'main')}`);
}

/* ---------------------------------------------------------------- the tests */

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const state = {}; /* what one flow leaves for the next: pages, the new user */

/* The checker itself: a planted page with a missing alt text and faint text must be reported,
 * both directly and through the replay used for pages without JavaScript. */
test('axe reports a planted violation, with and without JavaScript', async () => {
	const planted = '<!DOCTYPE html><html lang="da"><head><title>Prøve</title></head><body><main>'
		+ '<h1>Prøve</h1><img src="/static/favicon.svg"><p style="color:#bbb">svag tekst</p></main></body></html>';
	const url = `${server.base}/axe-proeve`;
	for (const javaScriptEnabled of [true, false]) {
		const page = await newPage({ javaScriptEnabled });
		try {
			await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: planted }));
			await page.goto(url);
			const found = javaScriptEnabled ? await axeViolations(page) : await axeViolationsNoScript(page);
			const ids = found.map((v) => v.id).sort().join(', ');
			expect(ids === 'color-contrast, image-alt',
				`with JavaScript ${javaScriptEnabled ? 'on' : 'off'} axe found [${ids}], not color-contrast and image-alt`);
		} finally {
			await closePage(page);
		}
	}
});

test('public pages: front page, /kommuner, /login', async (tc) => {
	const page = await newPage();
	try {
		for (const [path, h1] of [['/', 'Velkommen til Indgang'], ['/kommuner', 'Kommuner'],
			['/login', 'Log ind']]) {
			const status = await go(tc, page, path);
			expect(status === 200, `${path} answered ${status}`);
			expect(await page.getAttribute('html', 'lang') === 'da', `${path} lacks lang="da"`);
			expect(await text(page, 'main h1') === h1, `${path} has the heading "${await text(page, 'main h1')}"`);
			expect((await page.title()).endsWith('· Indgang'), `${path} has the title "${await page.title()}"`);
			if (path === '/kommuner') {
				const rows = await page.locator('main table tbody tr').count();
				expect(rows === 98, `/kommuner lists ${rows} municipalities, not 98`);
			}
			if (path === '/login')
				expect(await page.getByLabel('E-mail').count() === 1 && await page.getByLabel('Adgangskode').count() === 1,
					'the login form lacks labelled e-mail and password fields');
		}
	} finally {
		await closePage(page);
	}
});

test('sign in as konsulent with the keyboard only', async (tc) => {
	const page = await newPage();
	state.kolding = page;
	await go(tc, page, '/login');
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.className) === 'skip',
		'the first Tab does not reach the "Spring til indhold" link');
	for (let i = 0; i < 20 && (await focusedId(page)) !== 'f-email'; i++)
		await page.keyboard.press('Tab');
	expect(await focusedId(page) === 'f-email', 'Tab never reaches the e-mail field');
	await page.keyboard.type(KOLDING);
	await page.keyboard.press('Tab');
	expect(await focusedId(page) === 'f-password', 'Tab from the e-mail field does not reach the password');
	await page.keyboard.type(PASSWORD);
	await follow(tc, page, () => page.keyboard.press('Enter'));
	expect(pathOf(page) === '/', `after signing in the browser is at ${pathOf(page)}`);
	const kommune = await text(page, 'header .kommune');
	expect(kommune === 'Kolding Kommune', `the header shows "${kommune}", not "Kolding Kommune"`);
	expect((await text(page, 'header .who')).includes(KOLDING), 'the header does not show who is signed in');
});

/* Fills the new-user form with an invalid e-mail and a short password, then the valid values;
 * checks the error display in between. Returns the new user's row in the users table. */
async function createUser(tc, page, email) {
	const bad = 'ikke-en-adresse@';
	await page.getByLabel('E-mail').fill(bad);
	await page.getByLabel('Navn').fill('Ole Olsen');
	await page.getByLabel('Rolle').selectOption({ label: 'Indkøber' });
	await page.getByLabel('Adgangskode').fill('kort');
	let status = await follow(tc, page, () => page.getByRole('button', { name: 'Opret', exact: true }).click());
	expect(status === 422, `the form with errors answered ${status}, not 422`);
	const summary = page.locator('.error-summary[role="alert"]');
	expect(await summary.isVisible(), 'no error summary after submitting with errors');
	for (const field of ['email', 'password'])
		expect(await summary.locator(`a[href="#f-${field}"]`).count() === 1,
			`the error summary does not link to the ${field} field`);
	for (const field of ['email', 'password']) {
		const next = await page.evaluate((name) => {
			const input = document.getElementById(`f-${name}`);
			const error = document.getElementById(`f-${name}-error`);
			return {
				beside: Boolean(error && input.closest('.field')?.contains(error)),
				visible: Boolean(error && error.offsetParent),
				invalid: input.getAttribute('aria-invalid'),
				described: (input.getAttribute('aria-describedby') ?? '').split(' ').includes(`f-${name}-error`),
			};
		}, field);
		expect(next.beside && next.visible, `the ${field} error is not shown next to its field`);
		expect(next.invalid === 'true', `the ${field} field is not marked aria-invalid`);
		expect(next.described, `the ${field} field is not described by its error`);
	}
	expect(await page.inputValue('#f-email') === bad, 'the typed e-mail was not kept');
	expect(await page.inputValue('#f-password') === '', 'the password was sent back to the browser');
	expect(await page.inputValue('#f-role') === 'indkoeber', 'the chosen role was not kept');

	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill('sikker-adgangskode-2026');
	status = await follow(tc, page, () => page.getByRole('button', { name: 'Opret', exact: true }).click());
	expect(status === 200 && pathOf(page) === '/brugere', `creating the user ended at ${pathOf(page)} (${status})`);
	const notice = await text(page, '.notice[role="status"]');
	expect(notice === 'Brugeren er oprettet.', `the notice says "${notice}"`);
	const row = page.locator('main table tbody tr', { hasText: email });
	expect(await row.count() === 1, `the new user ${email} is not in the table`);
	return row;
}

test('konsulent creates a user, first with errors', async (tc) => {
	const page = state.kolding;
	expect(page, 'needs the signed-in konsulent of the previous test');
	await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
		.getByRole('link', { name: 'Brugere' }).click());
	expect(await text(page, 'main h1') === 'Brugere i Kolding Kommune', 'the users page has the wrong heading');
	await follow(tc, page, () => page.getByRole('link', { name: 'Opret bruger' }).click());
	expect(pathOf(page) === '/brugere/ny', `"Opret bruger" leads to ${pathOf(page)}`);
	const email = 'ole.olsen@kolding.example';
	const row = await createUser(tc, page, email);
	const cells = await row.locator('td').allInnerTexts();
	expect(cells[2] === 'Indkøber' && cells[4] === 'Aktiv', `the new row reads ${cells.join(' | ')}`);
	const href = await row.locator('a').getAttribute('href');
	state.user = { email, id: href.split('/').pop() };
});

test('konsulent deactivates the new user', async (tc) => {
	const page = state.kolding;
	expect(page && state.user, 'needs the user created by the previous test');
	await follow(tc, page, () => page.getByRole('link', { name: state.user.email }).click());
	expect(pathOf(page) === `/brugere/${state.user.id}`, `the user link leads to ${pathOf(page)}`);
	const active = page.getByLabel('Aktiv', { exact: true });
	expect(await active.isChecked(), 'the new user is not shown as active');
	await active.uncheck();
	const status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem' }).click());
	expect(status === 200 && pathOf(page) === '/brugere', `saving ended at ${pathOf(page)} (${status})`);
	const notice = await text(page, '.notice[role="status"]');
	expect(notice === 'Ændringerne er gemt.', `the notice says "${notice}"`);
	const cells = await page.locator('main table tbody tr', { hasText: state.user.email })
		.locator('td').allInnerTexts();
	expect(cells[4] === 'Deaktiveret', `the user's status is "${cells[4]}", not "Deaktiveret"`);

	if (process.env.SCREENSHOT_TO) {
		await go(tc, page, '/brugere');
		mkdirSync(dirname(resolve(process.env.SCREENSHOT_TO)), { recursive: true });
		await page.screenshot({ path: resolve(process.env.SCREENSHOT_TO), fullPage: false });
	}
});

test('konsulent signs out', async (tc) => {
	const page = state.kolding;
	expect(page, 'needs the signed-in konsulent');
	try {
		await follow(tc, page, () => page.getByRole('button', { name: 'Log ud' }).click());
		expect(pathOf(page) === '/login', `signing out leads to ${pathOf(page)}`);
		expect(await text(page, '.notice[role="status"]') === 'Du er nu logget ud.', 'no signed-out notice');
		expect(await page.locator('header .who').count() === 0, 'the header still shows a user');
		await go(tc, page, '/brugere');
		expect(pathOf(page) === '/login', `/brugere after signing out shows ${pathOf(page)}, not the login`);
	} finally {
		await closePage(page);
		state.kolding = null;
	}
});

test('admin sees the user\'s create and update in the audit log', async (tc) => {
	expect(state.user, 'needs the user created by an earlier test');
	const page = await newPage();
	try {
		await signIn(tc, page, ADMIN);
		expect(await text(page, 'header .kommune') === 'National administration',
			'the header does not show the national administration');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Revisionslog' }).click());
		expect(pathOf(page) === '/admin/audit', `"Revisionslog" leads to ${pathOf(page)}`);
		await page.getByLabel('Bruger').fill(KOLDING);
		await page.getByLabel('Objekt').fill('user');
		await follow(tc, page, () => page.getByRole('button', { name: 'Filtrér' }).click());
		const rows = await page.locator('main table tbody tr').evaluateAll((trs) =>
			trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
		/* actions and entities read in Danish: "Oprettet", "Ændret", "bruger 7" */
		const mine = rows.filter((c) => c[3] === `bruger ${state.user.id}`);
		const actions = mine.map((c) => c[2]).sort();
		expect(actions.includes('Oprettet') && actions.includes('Ændret'),
			`the audit log has [${actions.join(', ')}] for user ${state.user.id}, not Oprettet and Ændret`);
		for (const c of mine)
			expect(c[1] === KOLDING, `an audit line names ${c[1]}, not ${KOLDING}`);
		const created = mine.find((c) => c[2] === 'Oprettet');
		expect(created[4].includes(state.user.email), 'the create line does not show the e-mail');
		const updated = mine.find((c) => c[2] === 'Ændret');
		/* the details read as words, one "key: value" per line, not as JSON */
		expect(updated[4].includes('active: false'), `the update line does not show the deactivation: ${updated[4]}`);
		expect(!updated[4].includes('{'), `the update line shows JSON: ${updated[4]}`);
	} finally {
		await closePage(page);
	}
});

test('sign in and create a user with JavaScript turned off', async (tc) => {
	const page = await newPage({ javaScriptEnabled: false });
	try {
		expect(!(await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__ran = true';
			document.head.append(s);
			return window.__ran === true;
		})), 'JavaScript is not turned off in this context');
		await signIn(tc, page, KOLDING);
		expect(await text(page, 'header .kommune') === 'Kolding Kommune', 'the header does not show Kolding Kommune');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Brugere' }).click());
		await follow(tc, page, () => page.getByRole('link', { name: 'Opret bruger' }).click());
		await createUser(tc, page, 'uden.javascript@kolding.example');
		await follow(tc, page, () => page.getByRole('button', { name: 'Log ud' }).click());
		expect(pathOf(page) === '/login', `signing out leads to ${pathOf(page)}`);
	} finally {
		await closePage(page);
	}
});

/* users_get() answers "not found" for another municipality's account, so that ids cannot be
 * probed; the route table answers 403 where the role itself is not allowed. Both are refusals. */
test('a konsulent of 740 is refused Kolding\'s user page (403/404 page in Danish)', async (tc) => {
	expect(state.user, 'needs the user created by an earlier test');
	const page = await newPage();
	const refusals = {
		403: ['Ingen adgang', 'Du har ikke adgang til denne side.'],
		404: ['Siden findes ikke', 'Brugeren findes ikke.'],
	};
	try {
		await signIn(tc, page, SILKEBORG);
		expect(await text(page, 'header .kommune') === 'Silkeborg Kommune', 'the header does not show Silkeborg Kommune');
		let status = await go(tc, page, `/brugere/${state.user.id}`);
		expect(status in refusals, `the Kolding user's page answered ${status}, not 403 or 404`);
		expect(await page.getAttribute('html', 'lang') === 'da', `the ${status} page lacks lang="da"`);
		const [heading, message] = refusals[status];
		expect(await text(page, 'main h1') === heading, `the ${status} page is headed "${await text(page, 'main h1')}"`);
		let body = await text(page, 'main');
		expect(body.includes(message), `the ${status} page says "${body}"`);
		expect(!body.includes(state.user.email) && !(await page.locator('form[action^="/brugere/"]').count()),
			`the ${status} page shows the user's data or form`);
		expect(await page.locator('header .who').count() === 1, `the ${status} page is not rendered in the page shell`);

		status = await go(tc, page, '/admin/audit');
		expect(status === 403, `/admin/audit as konsulent answered ${status}, not 403`);
		expect(await text(page, 'main h1') === 'Ingen adgang', 'the 403 page is not headed "Ingen adgang"');
		body = await text(page, 'main');
		expect(body.includes('Din rolle giver ikke adgang til denne side.'), `the 403 page says "${body}"`);

		await go(tc, page, '/brugere');
		expect(await page.locator('main', { hasText: state.user.email }).count() === 0,
			'the Silkeborg user list shows a Kolding user');
	} finally {
		await closePage(page);
	}
});

/* The one entry point end to end: an entrepreneur writes through the public form, the
 * municipality's coordinator finds the case, refers it, logs an advisory session and closes the
 * case; and the registry, statistics and survey pages pass axe on the way. */
test('an entrepreneur writes in; the coordinator refers, advises and closes the case', async (tc) => {
	const page = await newPage();
	try {
		let status = await go(tc, page, '/kontakt/621');
		expect(status === 200, `/kontakt/621 answered ${status}`);
		expect(await page.getByLabel('Kommune').inputValue() === '621', 'Kolding is not preselected');
		await page.getByLabel('Hvad drejer det sig om?').selectOption('funding');
		await page.getByLabel('Dit navn').fill('Maja Browser');
		await page.getByLabel('E-mail').fill('maja.browser@example.org');
		await page.getByLabel('Virksomhed eller idé').fill('Grøn Kantine i browseren');
		await page.getByLabel('Din besked').fill('Hvordan finansierer jeg en socialøkonomisk kantine?');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Send henvendelsen' }).click());
		expect(status === 200 && pathOf(page) === '/kontakt/kvittering', `the form led to ${pathOf(page)} (${status})`);
		const receipt = await text(page, 'main');
		const ref = (receipt.match(/IND-\d{4}-\d{6}/) || [])[0];
		expect(ref, `the receipt shows no reference: "${receipt}"`);
	} finally {
		await closePage(page);
	}
	const staff = await newPage();
	try {
		await signIn(tc, staff, KOLDING);
		await follow(tc, staff, () => staff.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Sager' }).click());
		const link = staff.getByRole('link', { name: /IND-\d{4}-\d{6}/ }).first();
		await follow(tc, staff, () => link.click());
		expect((await text(staff, 'main')).includes('Maja Browser'), 'the newest case is not the one just sent');
		await staff.getByLabel('Henvis til').selectOption({ label: 'Lokal bank (finansiering)' });
		await follow(tc, staff, () => staff.getByRole('button', { name: 'Henvis' }).click());
		expect((await text(staff, 'main')).includes('henvist til Lokal bank'), 'the referral is not shown');
		await staff.getByLabel('Hvad kom der ud af henvisningen til Lokal bank (finansiering)?').fill('Banken tilbyder et lån.');
		await follow(tc, staff, () => staff.getByRole('button', { name: 'Gem resultat' }).click());
		expect((await text(staff, 'main')).includes('Resultat: Banken tilbyder et lån.'), 'the referral\'s result is not shown');
		await staff.getByLabel('Status').selectOption('closed');
		await staff.getByLabel('Resultat').fill('Henvist til banken, der tilbyder et lån.');
		const closed = await follow(tc, staff, () => staff.getByRole('button', { name: 'Gem', exact: true }).click());
		expect(closed === 200, `closing the case answered ${closed}: ${await text(staff, 'main')}`);
		expect((await text(staff, 'main')).includes('Sagen er opdateret.'), 'no confirmation after closing');
		expect((await text(staff, '.facts')).includes('Afsluttet'), 'the case is not shown as closed');

		await go(tc, staff, '/raadgivning');
		await staff.getByLabel('Dato').fill('2026-11-20');
		await staff.getByLabel('Emne').selectOption('business');
		await staff.getByLabel('Iværksætter').fill('Maja Browser');
		await follow(tc, staff, () => staff.getByRole('button', { name: 'Registrér' }).click());
		expect((await text(staff, 'main')).includes('Samtalen er registreret.'), 'the session was not registered');

		for (const path of ['/virksomheder', '/virksomheder?q=%C3%A6blespecialist', '/statistik?year=2015',
			'/statistik/bilag1', '/statistik/bilag1?kommune=165', '/statistik/beskaeftigelse?year=2015',
			'/undersoegelser', '/undersoegelser/soev-2015/november-2015', '/opsaetning']) {
			const status = await go(tc, staff, path);
			expect(status === 200, `${path} answered ${status}`);
		}
		expect((await text(staff, 'main')).length > 0, 'an empty page');
	} finally {
		await closePage(staff);
	}
});

/* The registry's Type filter: the public list shows social-economy enterprises unless a person
 * asks for the ordinary companies; the filter is a labelled control reached with the keyboard,
 * works without JavaScript, and the downloads follow it. */
test('the registry list filters on type with a labelled control, with and without JavaScript', async (tc) => {
	for (const javaScriptEnabled of [true, false]) {
		const page = await newPage({ javaScriptEnabled });
		const how = `with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
		try {
			const status = await go(tc, page, '/virksomheder?kommune=740');
			expect(status === 200, `/virksomheder?kommune=740 answered ${status} ${how}`);
			const type = page.getByLabel('Type', { exact: true });
			expect(await type.count() === 1, `no control labelled "Type" ${how}`);
			expect(await type.inputValue() === 'soev', `the Type filter does not start at SØV ${how}`);
			expect(!(await text(page, 'main')).includes('Eksempel Emballage A/S'), `a company is listed by default ${how}`);
			await type.focus();
			await type.selectOption({ label: 'Almindelige virksomheder' });
			const shown = await follow(tc, page, () => page.getByRole('button', { name: 'Vis', exact: true }).click());
			const url = new URL(page.url());
			expect(shown === 200 && url.searchParams.get('kind') === 'company' && url.searchParams.get('kommune') === '740',
				`the filter led to ${url.pathname}${url.search} (${shown}) ${how}`);
			expect(await text(page, 'main h1') === 'Almindelige virksomheder', `the heading is "${await text(page, 'main h1')}" ${how}`);
			const main = await text(page, 'main');
			expect(main.includes('Eksempel Emballage A/S') && !main.includes('Æblespecialisterne ApS'),
				`the companies of Silkeborg are not what is listed ${how}`);
			const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
			expect(csv === '/virksomheder/eksport?format=csv&kind=company&kommune=740', `the CSV link is ${csv} ${how}`);
		} finally {
			await closePage(page);
		}
	}
});

/* The matching weights: a konsulent finds them in the menu, types a weight out of range (the
 * form again with the error at the field), saves, and sets them back to the defaults. */
test('a konsulent changes the matching weights and sets them back', async (tc) => {
	const page = await newPage();
	try {
		await signIn(tc, page, KOLDING);
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Matchvægte' }).click());
		expect(pathOf(page) === '/matchning/vaegte', `the menu item leads to ${pathOf(page)}`);
		await page.getByLabel('Opgaver der passer').fill('140');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem vægte' }).click());
		expect(status === 422, `a weight of 140 answered ${status}`);
		expect((await text(page, 'main')).includes('Vægten for opgaver der passer skal være et helt tal fra 0 til 100.'),
			'the error is not shown');
		expect(await page.getByLabel('Opgaver der passer').inputValue() === '140', 'the typed value is gone');
		await page.getByLabel('Opgaver der passer').fill('40');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem vægte' }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Vægtene er gemt.'), `saving answered ${status}`);
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Nulstil til standard' }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Kommunen bruger standardvægtene.'),
			`resetting answered ${status}`);
		expect(await page.getByLabel('Opgaver der passer').inputValue() === '30', 'the default is not back');
	} finally {
		await closePage(page);
	}
});

/* The reports: a konsulent finds the overview in the menu, chooses a year, follows a figure to
 * the enterprises behind it, sorts the national view by a column and reads the yearly report;
 * axe checks every page. Printed, each section of the overview after the first starts a new
 * page and the menu and the year's form are left out. */
test('a konsulent reads the overview, a figure\'s list, the national view and the yearly report', async (tc) => {
	const page = await newPage();
	try {
		await signIn(tc, page, KOLDING);
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Overblik' }).click());
		expect(pathOf(page) === '/kommuner/621/overblik', `"Overblik" leads to ${pathOf(page)}`);
		await page.getByLabel('Til og med år').fill('2015');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Vis', exact: true }).click());
		expect(status === 200 && await text(page, 'main h1') === 'Overblik: Kolding Kommune',
			`the overview of 2015 answered ${status} with "${await text(page, 'main h1')}"`);
		const sections = await page.locator('section.report-section').count();
		expect(sections === 5, `the overview has ${sections} sections, not 5`);
		await page.emulateMedia({ media: 'print' });
		const printed = await page.evaluate(() => ({
			breaks: [...document.querySelectorAll('section.report-section')].map((s) => getComputedStyle(s).breakBefore),
			nav: getComputedStyle(document.querySelector('header.top nav')).display,
			form: getComputedStyle(document.querySelector('form.filter')).display,
		}));
		await page.emulateMedia({ media: 'screen' });
		expect(printed.breaks.slice(1).every((b) => b === 'page') && printed.breaks[0] !== 'page',
			`printed, the sections break as ${printed.breaks.join(', ')}`);
		expect(printed.nav === 'none' && printed.form === 'none', 'printed, the menu or the form is shown');
		/* Kolding's 13 enterprises on the way at the end of 2015 */
		await follow(tc, page, () => page.locator('#virksomheder tbody tr', { hasText: '2015' })
			.getByRole('link', { name: '13', exact: true }).click());
		expect(pathOf(page) === '/statistik/tabel1', `the figure leads to ${pathOf(page)}`);
		const listed = await page.locator('main table tbody tr').count();
		expect(listed === 13, `the list behind 13 has ${listed} enterprises`);
		status = await go(tc, page, '/statistik/landet?year=2015');
		expect(status === 200, `/statistik/landet answered ${status}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'SØV i alt' }).click());
		expect(new URL(page.url()).searchParams.get('sort') === 'soev', `sorting led to ${page.url()}`);
		expect(await page.locator('th[aria-sort="descending"]').innerText() === 'SØV i alt',
			'the sorted column is not marked');
		const midt = await page.locator('tbody', { hasText: 'Region Midtjylland' }).locator('tr').nth(1).innerText();
		expect(midt.startsWith('Silkeborg'), `Midtjylland starts with "${midt.split('\t')[0]}", not Silkeborg`);
		await go(tc, page, '/statistik/aarsrapport');
		await page.getByLabel('År', { exact: true }).fill('2015');
		await page.getByLabel('Runde', { exact: true }).selectOption('november-2015');
		await page.getByLabel('Sammenlign med runde').selectOption('projektstart');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Vis rapporten' }).click());
		expect(status === 200 && await text(page, 'main h1') === 'Årsrapport 2015',
			`the yearly report answered ${status} with "${await text(page, 'main h1')}"`);
		const tables = await page.locator('section.report-section').count();
		expect(tables === 15, `the yearly report has ${tables} tables, not Tabel 1 to 15`);
		const total = await page.locator('#tabel-1 tfoot tr').innerText();
		expect(total.replace(/\s+/g, ' ').trim() === 'I alt 76 22 29 58', `Tabel 1's I alt reads "${total}"`);
	} finally {
		await closePage(page);
	}
});

/* An enterprise's own account keeps its openings: it finds "Stillinger og pladser" in the menu,
 * fills the form with the keyboard (Tab through the fields, Space on the checkboxes, Enter on the
 * button), is told what is missing, and finds the opening in the list; axe checks the list, the
 * form (with and without errors) and the opening. */
test('a virksomhed creates an opening with the keyboard and finds it in the list', async (tc) => {
	const page = await newPage();
	try {
		await signIn(tc, page, VIRKSOMHED);
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Stillinger og pladser' }).click());
		expect(pathOf(page) === '/stillinger', `"Stillinger og pladser" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Opret stilling' }).click());
		expect(pathOf(page) === '/stillinger/ny', `"Opret stilling" leads to ${pathOf(page)}`);
		expect((await text(page, 'main form')).includes('Soul Café'), 'the form does not name the enterprise');
		const title = 'Opvasker om eftermiddagen';
		await page.getByLabel('Titel').focus();
		await page.keyboard.type(title);
		/* from the description, Tab reaches the first task */
		await page.getByLabel('Beskrivelse').focus();
		await page.keyboard.type('Opvask og oprydning i caféen efter frokost.');
		await page.keyboard.press('Tab');
		expect(await focusedId(page) === 'f-tasks-rengoering', `Tab from the description reaches ${await focusedId(page)}`);
		for (const label of ['Køkken', 'Fleksjob', 'Eftermiddag', 'Fast mentor']) {
			await page.getByLabel(label, { exact: true }).focus();
			await page.keyboard.press('Space');
			expect(await page.getByLabel(label, { exact: true }).isChecked(), `Space does not check "${label}"`);
		}
		/* the hours are missing: the form comes back with the errors, the choices kept */
		await page.getByRole('button', { name: 'Gem' }).focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 422, `the form without hours answered ${status}, not 422`);
		const summary = page.locator('.error-summary[role="alert"]');
		for (const field of ['hours_min', 'hours_max'])
			expect(await summary.locator(`a[href="#f-${field}"]`).count() === 1,
				`the error summary does not link to ${field}`);
		expect(await page.getByLabel('Fleksjob', { exact: true }).isChecked(), 'the chosen scheme was not kept');
		expect(await page.inputValue('#f-title') === title, 'the title was not kept');
		await page.getByLabel('Mindst').focus();
		await page.keyboard.type('10');
		await page.keyboard.press('Tab');
		expect(await focusedId(page) === 'f-hours_max', 'Tab from "Mindst" does not reach "Højst"');
		await page.keyboard.type('20');
		await page.getByRole('button', { name: 'Gem' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200 && /^\/stillinger\/\d+$/.test(pathOf(page)), `saving ended at ${pathOf(page)} (${status})`);
		expect(await text(page, '.notice[role="status"]') === 'Stillingen er oprettet.', 'no confirmation');
		expect(await text(page, 'main h1') === title, 'the opening is not headed by its title');
		const facts = await text(page, '.facts');
		for (const want of ['Soul Café', 'Køkken', 'Fleksjob', '10–20', 'Eftermiddag', 'Fast mentor'])
			expect(facts.includes(want), `the opening does not show "${want}"`);
		const id = pathOf(page).split('/').pop();
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Stillinger og pladser' }).click());
		const row = page.locator('main table tbody tr', { hasText: title });
		expect(await row.count() === 1, 'the new opening is not in the list');
		expect(await row.locator('a').getAttribute('href') === `/stillinger/${id}`, 'the list links elsewhere');
		expect((await row.innerText()).includes('Åben'), 'the new opening is not shown as open');
	} finally {
		await closePage(page);
	}
});

/* A jobkonsulent places a citizen (put into the database with SQL: the citizens' own pages
 * are another flow), names the purpose before the name shows, adds a follow-up, records the
 * end and the outcome; Tabel 4 from data counts the placement for the municipality's staff, and
 * the enterprise sees the citizen by first name. */
/* The jobkonsulent registers a citizen through the form (first with a CPR number that is no
 * date), finds the citizen after choosing the purpose, sees the openings that fit with their
 * reasons, and starts a placement from one of them; the CPR number is masked on every page and
 * shown whole only after "Vis hele CPR-nummeret"; axe checks every page. */
test('a jobkonsulent registers a citizen, sees ranked openings with reasons and places the citizen', async (tc) => {
	const page = await newPage();
	try {
		await signIn(tc, page, 'job@kolding.example');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Borgere' }).click());
		expect(pathOf(page) === '/borgere', `"Borgere" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Opret borger' }).click());
		await page.getByLabel('Navn').fill('Bodil Browserprøve');
		await page.getByLabel('CPR-nummer').fill('310290-9876');
		await page.getByLabel('Køkken', { exact: true }).check();
		await page.getByLabel('Kantine og servering', { exact: true }).check();
		await page.getByLabel('Fleksjob', { exact: true }).check();
		await page.getByLabel('Højst timer om ugen').fill('20');
		for (const t of ['Morgen', 'Dag', 'Eftermiddag', 'Aften', 'Fleksibel']) {
			const box = page.getByLabel(t, { exact: true });
			if (t === 'Dag' || t === 'Eftermiddag') await box.check(); else await box.uncheck();
		}
		await page.getByLabel('Samtykke givet den').fill('2026-11-02');
		await page.getByLabel('Samtykkets omfang').selectOption('matching');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem' }).click());
		expect(status === 422, `a CPR number of 31 February answered ${status}`);
		expect((await text(page, 'main')).includes('gyldig fødselsdato'), 'the CPR error is not shown');
		expect(await page.getByLabel('Navn').inputValue() === 'Bodil Browserprøve', 'the name typed was lost');
		expect(await page.getByLabel('CPR-nummer').inputValue() === '', 'the CPR number was sent back in the page');
		await page.getByLabel('CPR-nummer').fill('280290-9876');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem' }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Borgeren er oprettet.'),
			`saving answered ${status}: ${(await text(page, 'main')).slice(0, 200)}`);
		expect((await text(page, 'main')).includes('280290-xxxx'), 'the CPR number is not shown masked');
		/* the page's own markup (axe's script, injected by the check, holds digits of its own) */
		const html = await page.locator('body > :not(script)').evaluateAll((els) => els.map((e) => e.outerHTML).join(''));
		const at = html.indexOf('9876');
		expect(at < 0, `the CPR number shows in clear: …${html.slice(Math.max(0, at - 80), at + 20)}`);
		await follow(tc, page, () => page.getByRole('button', { name: 'Vis hele CPR-nummeret' }).click());
		expect((await text(page, 'main')).includes('280290-9876'), 'the reveal does not show the number');
		await page.goBack();
		await follow(tc, page, () => page.getByRole('link', { name: 'Skift formål' }).click());
		await page.getByLabel('Formål med opslaget').selectOption('matching');
		await follow(tc, page, () => page.getByRole('button', { name: 'Se borgeren' }).click());
		const main = await text(page, 'main');
		expect(main.includes('Stillinger og pladser, der passer'), 'no matches section with the purpose matching');
		expect(main.includes('Café og servering') && main.includes('opgaver passer'),
			`the demo's café opening is not listed with its reasons: ${main.slice(0, 400)}`);
		await follow(tc, page, () => page.getByRole('link', { name: /^Opret forløb\s*: Café og servering hos Soul Café$/ }).click());
		expect(pathOf(page) === '/forloeb/ny', `"Opret forløb" leads to ${pathOf(page)}`);
		await page.getByRole('combobox', { name: 'Ordning' }).selectOption('fleksjob');
		await page.locator('#f-start').fill('2027-01-04'); /* next year: the 2026 figures stay as the next test counts them */
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Opret forløb' }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Forløbet er oprettet.'),
			`the placement answered ${status}: ${(await text(page, 'main')).slice(0, 200)}`);
	} finally {
		await closePage(page);
	}
});

test('a jobkonsulent places a citizen and records the outcome; Tabel 4 counts it', async (tc) => {
	const citizen = sql(server.db,
		"INSERT INTO citizens (kommune, name, consent_scope, created_at, updated_at, active_at) VALUES " +
		"('621', 'Maja Jobprøve', 'enterprise', 't', 't', 't') RETURNING id;");
	const page = await newPage();
	try {
		await signIn(tc, page, 'job@kolding.example');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Forløb' }).click());
		expect(pathOf(page) === '/forloeb', `the menu led to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Opret forløb' }).click());
		await page.getByLabel('Borger nr.').fill(citizen);
		await page.getByRole('combobox', { name: 'Virksomhed' }).selectOption({ label: 'Soul Café' });
		await page.getByRole('combobox', { name: 'Ordning' }).selectOption('fleksjob');
		await page.locator('#f-start').fill('2026-03-02');
		await page.getByLabel('Timer pr. uge').fill('15');
		await follow(tc, page, () => page.getByRole('button', { name: 'Opret forløb' }).click());
		const main = await text(page, 'main');
		expect(main.includes('Forløbet er oprettet.'), `no confirmation: ${main.slice(0, 200)}`);
		expect(!main.includes('Maja'), 'the name shows before a purpose is chosen');
		await page.getByLabel('Formål med opslaget').selectOption('opfoelgning');
		await follow(tc, page, () => page.getByRole('button', { name: 'Vis navne' }).click());
		expect((await text(page, '.facts')).includes('Maja Jobprøve'), 'the name does not show with a purpose');
		await page.getByLabel('Dato for opfølgningen').fill('2026-03-16');
		await page.getByLabel('Note').fill('Første opfølgning med mentor');
		await follow(tc, page, () => page.getByRole('button', { name: 'Tilføj opfølgning' }).click());
		expect((await text(page, 'main')).includes('Første opfølgning med mentor'), 'the follow-up is not shown');
		await page.getByLabel('Slut', { exact: true }).fill('2026-02-01');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem', exact: true }).click());
		expect(status === 422, `an end before the start answered ${status}`);
		expect((await text(page, 'main')).includes('Slutdatoen ligger før startdatoen.'), 'the error is not shown');
		await page.getByLabel('Slut', { exact: true }).fill('2026-09-30');
		await page.getByLabel('Udfald').selectOption('fleksjob');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Gem', exact: true }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Forløbet er gemt.'), 'the outcome was not saved');
		expect((await text(page, '.facts')).includes('Maja Jobprøve'), 'the purpose was lost on the way');
		await go(tc, page, '/statistik/beskaeftigelse?year=2026&kommune=621');
		const row = await text(page, 'table.numbers tbody tr');
		expect(/Kolding\s+0\s+1\s+0\s+0\s+0/.test(row), `Tabel 4 from data shows "${row}"`);
	} finally {
		await closePage(page);
	}
	const owner = await newPage();
	try {
		await signIn(tc, owner, 'virksomhed@kolding.example');
		await follow(tc, owner, () => owner.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Forløb' }).click());
		await owner.getByRole('combobox', { name: 'Forløb' }).selectOption('all');
		await follow(tc, owner, () => owner.getByRole('button', { name: 'Vis' }).click());
		const main = await text(owner, 'main');
		expect(main.includes('Maja') && !main.includes('Jobprøve'), `the enterprise sees "${main.slice(0, 300)}"`);
	} finally {
		await closePage(owner);
	}
});

/* ---------------------------------------------------------------- narrow screens */

const PHONE = { width: 390, height: 844 };

/* Checks that the page shown does not scroll sideways: the document is no wider than the window
 * and the header ends inside it. Tables may scroll inside their own region. */
async function fitsWidth(page, path, width) {
	const m = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		inner: window.innerWidth,
		header: Math.ceil(document.querySelector('header.top')?.getBoundingClientRect().right ?? 0),
		wide: [...document.querySelectorAll('main *')]
			.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-scroll'))
			.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}`),
	}));
	expect(m.scroll <= m.inner, `${path} at ${width} px is ${m.scroll} px wide (${m.wide.join(', ') || 'no element named'})`);
	expect(m.header <= m.inner, `the header of ${path} at ${width} px ends at ${m.header} px`);
}

/* Signs in as email (or not, for null) at each width and visits paths: every page answers 200
 * or the status listed, passes axe and fits the window; every table sits in a named region that
 * takes focus. */
async function visitAtWidths(tc, email, paths) {
	for (const viewport of [VIEWPORT, PHONE]) {
		const page = await newPage({ viewport });
		try {
			if (email)
				await signIn(tc, page, email);
			for (const path of paths) {
				const status = await go(tc, page, path);
				expect(status === 200, `${path} answered ${status} at ${viewport.width} px`);
				await fitsWidth(page, path, viewport.width);
				const bare = await page.locator('main table').evaluateAll((ts) =>
					ts.filter((t) => {
						const box = t.closest('.table-scroll');
						return !box || box.getAttribute('role') !== 'region' || !box.getAttribute('aria-label') ||
							box.getAttribute('tabindex') !== '0';
					}).length);
				expect(bare === 0, `${path}: ${bare} table(s) outside a named, focusable region`);
			}
		} finally {
			await closePage(page);
		}
	}
}

/* purchasing (src/procurement/): a buyer's agreements, purchases, orders and spend, and a
 * contract's follow-up, every page checked with axe */
test('a buyer records a purchase, sees it in the spend and ends an agreement after confirming', async (tc) => {
	const page = await newPage();
	try {
		await signIn(tc, page, 'indkoeb@slagelse.example');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Indkøb' }).click());
		expect(pathOf(page) === '/indkoeb', `"Indkøb" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('main').getByRole('link', { name: 'Køb', exact: true }).click());
		expect(pathOf(page) === '/indkoeb/koeb', `"Køb" leads to ${pathOf(page)}`);
		/* an amount that is no amount: the form again, the error linked, what was typed kept */
		/* the form's enterprise (the filter below has one too) */
		await page.locator('#f-enterprise_id').selectOption({ label: 'Bevar (Slagelse)' });
		await page.getByLabel('Dato').fill('2015-12-20');
		await page.getByLabel('Beløb i kroner ekskl. moms').fill('mange');
		await page.getByLabel('Beskrivelse').fill('Jubilæumsgave: istandsat reol');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Registrér købet' }).click());
		expect(status === 422, `a bad amount answered ${status}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-amount"]').count() === 1, 'the summary does not link to the amount');
		expect(await page.inputValue('#f-description') === 'Jubilæumsgave: istandsat reol', 'the description was not kept');
		await page.getByLabel('Beløb i kroner ekskl. moms').fill('2.495,00');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Registrér købet' }).click());
		expect(status === 200 && pathOf(page) === '/indkoeb/koeb', `saving ended at ${pathOf(page)} (${status})`);
		expect(await text(page, '.notice[role="status"]') === 'Købet er registreret.', 'no confirmation');
		expect((await text(page, 'main table')).includes('2.495,00'), 'the purchase is not in the list');
		/* the spend of 2015 counts it: 108.795,00 + 2.495,00 */
		await go(tc, page, '/statistik/indkoeb?year=2015');
		expect((await text(page, 'main')).includes('111.290,00'), 'the spend does not count the purchase');
		expect(await page.locator('main svg').count() >= 1, 'no chart');
		/* an agreement, ended after a confirmation */
		await go(tc, page, '/indkoeb/aftaler');
		await follow(tc, page, () => page.getByRole('link', { name: 'Reparation og genbrug af møbler' }).click());
		await follow(tc, page, () => page.getByRole('link', { name: 'Afslut aftalen' }).click());
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Ja, afslut aftalen' }).click());
		expect(status === 200, `ending answered ${status}`);
		expect(await text(page, '.notice[role="status"]') === 'Aftalen er afsluttet.', 'no confirmation of the end');
		await go(tc, page, '/indkoeb/aftaler/ny');
		await go(tc, page, '/indkoeb/ordrer/ny');
		await go(tc, page, '/indkoeb/kontrakter');
	} finally {
		await closePage(page);
	}
	const silkeborg = await newPage({ javaScriptEnabled: false });
	try {
		await signIn(tc, silkeborg, SILKEBORG);
		await go(tc, silkeborg, '/indkoeb/kontrakter');
		await follow(tc, silkeborg, () => silkeborg.getByRole('link', { name: 'Forpagtning af kantinen på Handelsskolen' }).click());
		expect((await text(silkeborg, 'main table')).includes('10 af 10'), 'the lease does not show 10 of 10 in fleksjob');
	} finally {
		await closePage(silkeborg);
	}
});
test('the public pages fit 1280 and 390 px: the registry list and a profile, statistics, the legal pages', async (tc) => {
	await visitAtWidths(tc, null, ['/', '/virksomheder', '/virksomheder?q=soul', '/statistik?year=2015',
		'/statistik/bilag1', '/kommuner', '/kontakt', '/privatliv', '/tilgaengelighed']);
	const page = await newPage({ viewport: PHONE });
	try {
		await go(tc, page, '/virksomheder?q=soul');
		await follow(tc, page, () => page.locator('main table a').first().click());
		expect(/^\/virksomheder\/\d+$/.test(pathOf(page)), `the list's first link leads to ${pathOf(page)}`);
		await fitsWidth(page, pathOf(page), PHONE.width);
	} finally {
		await closePage(page);
	}
});

test('a konsulent\'s pages fit 1280 and 390 px: the advisory page, the cases, answering the survey', async (tc) => {
	await visitAtWidths(tc, KOLDING, ['/', '/raadgivning?fra=2015-01&til=2015-12', '/sager', '/opsaetning',
		'/undersoegelser/soev-2015/november-2015', '/virksomheder', '/brugere']);
});

test('the administrator\'s pages fit 1280 and 390 px: the outbox, the audit log, the survey report', async (tc) => {
	await visitAtWidths(tc, ADMIN, ['/', '/admin/udbakke', '/admin/audit',
		'/undersoegelser/soev-2015/november-2015/rapport', '/undersoegelser/soev-2015']);
});

test('every other role\'s front page fits 1280 and 390 px', async (tc) => {
	for (const email of ['job@kolding.example', 'indkoeb@kolding.example', VIRKSOMHED, SILKEBORG])
		await visitAtWidths(tc, email, ['/']);
});

/* Networks and meetings: Silkeborg's konsulent finds the company network through "Samarbejde"
 * and "Netværk",
 * adds a person with the keyboard (first with a wrong e-mail: the form comes back with the error
 * and the name kept), confirms the meeting the cadence proposes, and records attendance on it;
 * the pages pass axe and fit 1280 and 390 px, and the figures page is public. */
test('a konsulent keeps the company network: a member, the proposed meeting, attendance (netværk)', async (tc) => {
	await visitAtWidths(tc, SILKEBORG, ['/samarbejde', '/netvaerk', '/netvaerk/1', '/netvaerk/1/moeder/1', '/netvaerk/ny']);
	await visitAtWidths(tc, null, ['/statistik/netvaerk?year=2015']);
	const page = await newPage();
	try {
		await signIn(tc, page, SILKEBORG);
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Samarbejde' }).click());
		expect(pathOf(page) === '/samarbejde', `"Samarbejde" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('main').getByRole('link', { name: 'Netværk', exact: true }).click());
		expect(pathOf(page) === '/netvaerk', `"Netværk" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Virksomhedsnetværk om Inhouse og socialøkonomi' }).click());
		expect(pathOf(page) === '/netvaerk/1', `the network's link leads to ${pathOf(page)}`);
		await page.getByLabel('Personens navn').focus();
		await page.keyboard.type('Demoperson Lise Holm');
		await page.keyboard.press('Tab');
		expect(await focusedId(page) === 'f-email', `Tab from the name reaches ${await focusedId(page)}`);
		await page.keyboard.type('lise-ved-erhverv');
		await page.getByRole('button', { name: 'Tilføj medlem' }).focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 422, `a wrong e-mail answered ${status}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-email"]').count() === 1, 'the summary does not link to the e-mail');
		expect(await page.inputValue('#f-name') === 'Demoperson Lise Holm', 'the name was not kept');
		await page.getByLabel('Personens e-mail').fill('lise.holm@erhverv-silkeborg.example');
		await page.getByRole('button', { name: 'Tilføj medlem' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200, `adding the member answered ${status}`);
		expect(await text(page, '.notice[role="status"]') === 'Medlemmet er tilføjet.', 'no confirmation');
		expect((await text(page, '#medlemmer + *')).length > 0, 'no members section');
		/* the proposal: three months after the last held meeting (10.11.2016), a Thursday */
		expect(await page.inputValue('#f-starts_at') === '2017-02-09T09:00', `the proposal is ${await page.inputValue('#f-starts_at')}`);
		await page.getByLabel('Sted').fill('Silkeborg Rådhus');
		await page.getByRole('button', { name: 'Opret møde og send invitationer' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200 && /^\/netvaerk\/1\/moeder\/\d+$/.test(pathOf(page)), `the meeting ended at ${pathOf(page)} (${status})`);
		expect((await text(page, '.facts')).includes('09.02.2017 kl. 09.00'), 'the meeting does not show its time');
		await page.getByLabel('Demoperson Lise Holm er tilmeldt').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Gem tilmelding og fremmøde' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200, `saving the sign-up answered ${status}`);
		expect(await page.getByLabel('Demoperson Lise Holm er tilmeldt').isChecked(), 'the sign-up was not saved');
		await fitsWidth(page, pathOf(page), VIEWPORT.width);
	} finally {
		await closePage(page);
	}
});

/* the grant pool and funding sources (collab): the administrator's pool pages and the final
 * report, a municipality's view of the pool and the funding catalogue (public and staff) pass axe
 * and fit 1280 and 390 px; the administrator grants with the keyboard, first more than a
 * municipality may get (the form comes back with the error at the amount and the value kept),
 * then within the limit, and the remainder shown on the page falls by the grant. */
test('the grant pool: grants within the limits with the keyboard; pools and funding pass axe (puljer, finansiering)', async (tc) => {
	await visitAtWidths(tc, ADMIN, ['/puljer', '/puljer/1', '/puljer/1/rapport', '/puljer/ny', '/finansiering/ny']);
	await visitAtWidths(tc, SILKEBORG, ['/puljer', '/puljer/1', '/finansiering', '/finansiering?frist=30&kind=fond']);
	await visitAtWidths(tc, null, ['/finansiering', '/finansiering?q=fond']);
	const page = await newPage();
	try {
		await signIn(tc, page, ADMIN);
		await go(tc, page, '/puljer');
		await follow(tc, page, () => page.getByRole('link', { name: 'Puljen til socialøkonomiske virksomheder 2015' }).click());
		expect(pathOf(page) === '/puljer/1', `the pool's link leads to ${pathOf(page)}`);
		expect((await text(page, 'main')).includes('5.650.000,00 kr.'), 'the remainder is not shown');
		await page.selectOption('#f-g_kommune', '101');
		await page.locator('#f-g_amount').focus();
		await page.keyboard.type('500.000,01');
		await page.getByRole('button', { name: 'Bevil' }).focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 422, `a grant over the maximum answered ${status}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-g_amount"]').count() === 1, 'the summary does not link to the amount');
		expect(await page.inputValue('#f-g_amount') === '500.000,01', 'the amount was not kept');
		await page.fill('#f-g_amount', '250.000');
		await page.getByRole('button', { name: 'Bevil' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200 && pathOf(page) === '/puljer/1', `the grant ended at ${pathOf(page)} (${status})`);
		expect(await text(page, '.notice[role="status"]') === 'Bevillingen er registreret.', 'no confirmation');
		expect((await text(page, 'main')).includes('5.400.000,00 kr.'), 'the remainder did not fall by the grant');
	} finally {
		await closePage(page);
	}
});

/* outreach (contacts, leads, support plans): the konsulent's outreach pages fit 1280 and 390 px
 * and pass axe; without JavaScript a card on the board of leads is moved with its own small form,
 * and the demo's support plan is opened from the list of plans, with the enterprise's page and
 * its timeline of contacts one link away. */
test('outreach: the board moves a lead without JavaScript; a support plan and the contacts pass axe', async (tc) => {
	await visitAtWidths(tc, KOLDING, ['/opsoegning/kontakter', '/opsoegning/leads',
		'/opsoegning/leads?view=liste', '/opsoegning/planer', '/opsoegning/overlevelse', '/opsoegning/leads/ny']);
	const page = await newPage({ javaScriptEnabled: false, viewport: PHONE });
	try {
		await signIn(tc, page, KOLDING);
		await go(tc, page, '/opsoegning/leads');
		const card = page.locator('.board li', { hasText: 'Lokalrådets idé: genbrugsbutik i Vamdrup' });
		await card.locator('select').selectOption('dialog');
		await follow(tc, page, () => card.getByRole('button', { name: /^Flyt / }).click());
		expect(/^\/opsoegning\/leads\/\d+$/.test(pathOf(page)), `the move led to ${pathOf(page)}`);
		expect((await text(page, 'main dl')).includes('Dialog'), 'the lead is not in dialog after the move');
		await go(tc, page, '/opsoegning/planer');
		await follow(tc, page, () => page.getByRole('link', { name: 'Allehånde' }).click());
		expect(/\/plan$/.test(pathOf(page)), `the plan's link led to ${pathOf(page)}`);
		expect((await text(page, 'main')).includes('CVR-nummer registreret'), 'the demo plan has no milestones');
		await fitsWidth(page, pathOf(page), PHONE.width);
		await follow(tc, page, () => page.locator('main p a').first().click());
		expect((await text(page, 'main')).includes('Kontakter'), 'the enterprise page shows no contacts section');
	} finally {
		await closePage(page);
	}
});

/* The advisory page on a phone: the demo's 2015 is one link away from the default period, the
 * period is picked with two month fields, and the session's enterprise is chosen by name. */
test('on a phone a konsulent picks 2015 on the advisory page and registers a session with an enterprise', async (tc) => {
	const page = await newPage({ viewport: PHONE });
	try {
		await signIn(tc, page, KOLDING);
		await go(tc, page, '/raadgivning');
		await follow(tc, page, () => page.getByRole('link', { name: '2015', exact: true }).click());
		expect(await text(page, 'main h2') === 'Rådgivning pr. måned, januar 2015 – december 2015',
			`the heading is "${await text(page, 'main h2')}"`);
		await page.getByLabel('Fra måned').fill('2015-03');
		await page.getByLabel('Til og med måned').fill('2015-05');
		await follow(tc, page, () => page.getByRole('button', { name: 'Vis perioden' }).click());
		const url = new URL(page.url());
		expect(url.searchParams.get('fra') === '2015-03' && url.searchParams.get('til') === '2015-05',
			`the period form led to ${url.search}`);
		const months = await page.locator('main table.numbers tbody th').allInnerTexts();
		expect(months.join('|') === 'marts 2015|april 2015|maj 2015', `the months are ${months.join(', ')}`);
		await page.getByLabel('Dato').fill('2015-04-14');
		await page.getByLabel('Emne').selectOption('employment');
		await page.getByLabel('Virksomhed i registret').selectOption({ label: 'Soul Café' });
		await follow(tc, page, () => page.getByRole('button', { name: 'Registrér samtalen' }).click());
		expect((await text(page, 'main')).includes('Samtalen er registreret.'), 'the session was not registered');
		await go(tc, page, '/raadgivning?fra=2015-04&til=2015-04');
		const row = page.locator('main table tbody tr', { hasText: '14.04.2015' });
		expect((await row.innerText()).includes('Soul Café'), 'the session is not listed with its enterprise');
		await fitsWidth(page, '/raadgivning', PHONE.width);
	} finally {
		await closePage(page);
	}
});

/* ---------------------------------------------------------------- tenders (udbud)
 *
 * The public finds the demo's tenders under "Udbud" at 1280 and 390 px; Kolding's indkøber
 * creates a tender with the keyboard (first with weights that do not sum to 100: told at the
 * field, everything typed kept), publishes it, and reads the awarded library tender with its
 * ranking; Soul Café's own account bids on Albertslund's open café tender and sees its bid; the
 * Albertslund buyer sees the bids sealed, and once the deadline has passed (set in the database)
 * scores with the keyboard, is told the award's missing reasons at the field, awards, and opens
 * the printable decision. axe checks every page. */
test('tenders: the public list, the café tender and the feed at 1280 and 390 px', async (tc) => {
	await visitAtWidths(tc, null, ['/udbud']);
	const page = await newPage({ viewport: PHONE });
	try {
		await go(tc, page, '/');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Udbud' }).click());
		expect(pathOf(page) === '/udbud', `"Udbud" leads to ${pathOf(page)}`);
		state.library = await page.getByRole('link', { name: 'Logistik- og serviceydelser til Koldingbibliotekerne' })
			.getAttribute('href');
		await follow(tc, page, () => page.getByRole('link', { name: 'Forpagtning af caféen i Sundhedshuset' }).click());
		state.cafe = pathOf(page);
		await fitsWidth(page, state.cafe, PHONE.width);
		expect((await text(page, 'main')).includes('fleksjobansatte'), 'the café tender does not show its social clause');
		/* the feed the head links to is well-formed Atom: every entry has its id, title, updated
		 * and link (parsed by the browser's XML parser) */
		const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
		const feed = await page.evaluate(async (url) => {
			const xml = await (await fetch(url)).text();
			const doc = new DOMParser().parseFromString(xml, 'application/xml');
			const root = doc.documentElement;
			const entries = [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')];
			return {
				error: doc.getElementsByTagName('parsererror').length > 0,
				root: `${root.namespaceURI} ${root.localName}`,
				entries: entries.length,
				complete: entries.every((e) => ['id', 'title', 'updated', 'link'].every((n) =>
					e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', n).length === 1)),
				titles: entries.map((e) => e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0].textContent),
			};
		}, href);
		expect(href === '/udbud/feed.xml', `the head links the feed as ${href}`);
		expect(!feed.error && feed.root === 'http://www.w3.org/2005/Atom feed', `the feed is not Atom: ${feed.root}`);
		expect(feed.entries >= 2 && feed.complete, `the feed has ${feed.entries} entries, complete: ${feed.complete}`);
		expect(feed.titles.includes('Forpagtning af caféen i Sundhedshuset'), 'the café tender is not in the feed');
	} finally {
		await closePage(page);
	}
});

test('tenders: a buyer creates a tender with the keyboard, publishes it and reads an awarded one', async (tc) => {
	/* the buyer's pages, the form and the ranking of the awarded tender among them, at both widths */
	await visitAtWidths(tc, 'indkoeb@kolding.example', ['/udbud', '/udbud/ny', state.library]);
	const page = await newPage();
	try {
		await signIn(tc, page, 'indkoeb@kolding.example');
		await go(tc, page, '/udbud');
		await follow(tc, page, () => page.getByRole('link', { name: 'Nyt udbud' }).click());
		expect(pathOf(page) === '/udbud/ny', `"Nyt udbud" leads to ${pathOf(page)}`);
		await page.getByLabel('Titel', { exact: false }).first().focus();
		await page.keyboard.type('Vinduespudsning på skolerne');
		await page.getByLabel('Reserveret kontrakt (udbudsloven § 20)').focus();
		await page.keyboard.press('Space');
		await page.locator('#f-deadline').fill('2031-06-01T12:00');
		await page.locator('#f-crit_weight_0').fill('50');
		await page.getByRole('button', { name: 'Gem' }).focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 422, `weights of 110 answered ${status}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-criteria"]').count() === 1,
			'the error summary does not link to the criteria');
		expect(await page.inputValue('#f-title') === 'Vinduespudsning på skolerne', 'the title was not kept');
		expect(await page.locator('#f-procedure-reserveret').isChecked(), 'the procedure was not kept');
		await page.locator('#f-crit_weight_0').fill('40');
		await page.getByRole('button', { name: 'Gem' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200 && /^\/udbud\/\d+$/.test(pathOf(page)), `saving ended at ${pathOf(page)} (${status})`);
		expect(await text(page, '.notice[role="status"]') === 'Udbuddet er oprettet som kladde.', 'no confirmation');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Offentliggør' }).click());
		expect(await text(page, '.notice[role="status"]') === 'Udbuddet er offentliggjort.', 'not published');
		await go(tc, page, '/udbud');
		await follow(tc, page, () => page.getByRole('link', { name: 'Logistik- og serviceydelser til Koldingbibliotekerne' }).click());
		const ranking = await text(page, 'main');
		for (const want of ['Virksomhedsporten (vinder)', 'Special Solutions', 'Borups Pakkeri', 'Innovation (15 %)'])
			expect(ranking.includes(want), `the awarded tender does not show "${want}" to its buyer`);
	} finally {
		await closePage(page);
	}
});

test('tenders: an enterprise bids on a phone; after the deadline the buyer scores and awards', async (tc) => {
	let page = await newPage({ viewport: PHONE });
	try {
		await signIn(tc, page, VIRKSOMHED);
		await go(tc, page, state.cafe);
		await page.getByLabel('Pris i kroner (ekskl. moms)').focus();
		await page.keyboard.type('18.000,00');
		await page.getByRole('button', { name: 'Byd', exact: true }).focus();
		await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(await text(page, '.notice[role="status"]') === 'Dit bud er afgivet.', 'the bid was not confirmed');
		expect((await text(page, 'main')).includes('18.000,00 kr.'), 'the bid is not shown to its bidder');
		await fitsWidth(page, state.cafe, PHONE.width);
	} finally {
		await closePage(page);
	}
	page = await newPage();
	try {
		await signIn(tc, page, 'indkoeb@albertslund.example');
		await go(tc, page, state.cafe);
		const main = await text(page, 'main');
		expect(main.includes('Buddene er forseglede'), 'the buyer is not told the bids are sealed');
		expect(!main.includes('18.000'), 'the sealed bid shows its price');
		/* the deadline passes (in the database): the buyer scores with the keyboard and awards */
		const id = state.cafe.split('/').pop();
		sql(server.db, `UPDATE tenders SET deadline = '2020-01-01T00:00:00Z' WHERE id = ${id};`);
		await go(tc, page, state.cafe);
		expect((await text(page, 'main')).includes('18.000,00 kr.'), 'the bid is not shown after the deadline');
		for (const [label, value] of [['Kvalitet (0-10)', '8'], ['Social værdi (0-10)', '9'], ['Service (0-10)', '7']]) {
			await page.getByLabel(label).first().focus();
			await page.keyboard.type(value);
		}
		await page.getByRole('button', { name: 'Gem point' }).first().focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(await text(page, '.notice[role="status"]') === 'Pointene er gemt.', `scoring answered ${status}`);
		/* the award without its reasons: told at the field */
		await page.getByLabel('Ja, tildel kontrakten og send brev til alle bydende').check();
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Tildel' }).click());
		expect(status === 422, `the award without reasons answered ${status}`);
		expect(await page.locator('.error-summary a[href="#f-reasons"]').count() === 1, 'no link to the reasons');
		for (const name of ['Pris', 'Kvalitet', 'Social værdi', 'Service'])
			await page.locator('#f-reasons').getByLabel(name, { exact: true }).fill(`Begrundelse for ${name.toLowerCase()}.`);
		await page.getByLabel('Ja, tildel kontrakten og send brev til alle bydende').check();
		await follow(tc, page, () => page.getByRole('button', { name: 'Tildel' }).click());
		expect(await text(page, '.notice[role="status"]') === 'Udbuddet er tildelt, og alle bydende har fået brev.',
			'the award was not confirmed');
		expect((await text(page, 'main')).includes('Soul Café (vinder)'), 'the winner is not shown');
		await go(tc, page, `/udbud/${id}/beslutning`);
	} finally {
		await closePage(page);
	}
});

/* ---------------------------------------------------------------- events and the guidance library */

/* The public finds the next events on the front page, opens Kolding's social entrepreneur day
 * (full: the demo's 43 sign-ups for 40 places), signs up with an error first and lands on the
 * waiting list; Kolding's konsulent sees the sign-ups and the waiting list, opens the form for
 * a new event, finds a guidance document by an inflected Danish word and opens the form for a
 * new one. axe checks every page. */
test('the public signs up for a full event; a konsulent sees the waiting list and finds guidance', async (tc) => {
	const page = await newPage();
	try {
		await go(tc, page, '/');
		expect((await text(page, 'main')).includes('Kommende arrangementer'), 'the front page lists no events');
		await follow(tc, page, () => page.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Arrangementer' }).click());
		expect(pathOf(page) === '/arrangementer', `the menu item leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Social iværksætterdag 2015' }).click());
		await page.getByLabel('Navn').fill('Browser Deltager');
		let status = await follow(tc, page, () => page.getByRole('button', { name: 'Tilmeld' }).click());
		expect(status === 422, `a sign-up without an e-mail answered ${status}`);
		expect(await page.getByLabel('Navn').inputValue() === 'Browser Deltager', 'the typed name is gone');
		await page.getByLabel('E-mail').fill('browser.deltager@example.org');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Tilmeld' }).click());
		expect(status === 200 && (await text(page, 'main')).includes('Du står på ventelisten'),
			`the sign-up answered ${status}: ${(await text(page, 'main')).slice(0, 200)}`);
	} finally {
		await closePage(page);
	}
	const staff = await newPage();
	try {
		await signIn(tc, staff, KOLDING);
		await go(tc, staff, '/arrangementer');
		await follow(tc, staff, () => staff.getByRole('link', { name: 'Social iværksætterdag 2015' }).click());
		const main = await text(staff, 'main');
		expect(main.includes('Venteliste') && main.includes('Browser Deltager'), 'the waiting list is not shown');
		await go(tc, staff, '/arrangementer/ny');
		await follow(tc, staff, () => staff.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Vejledning' }).click());
		expect(pathOf(staff) === '/vejledning', `the menu item leads to ${pathOf(staff)}`);
		await staff.getByLabel('Søg').fill('samarbejdsaftaler');
		await follow(tc, staff, () => staff.getByRole('button', { name: 'Søg' }).click());
		await follow(tc, staff, () => staff.getByRole('link', { name: /samarbejdsaftale/i }).first().click());
		expect(pathOf(staff).startsWith('/vejledning/'), `the result leads to ${pathOf(staff)}`);
		await go(tc, staff, '/vejledning/ny');
	} finally {
		await closePage(staff);
	}
});

/* ---------------------------------------------------------------- strategies and goals */

/* Strategies with live goals: the public reads Silkeborg's 2020 strategy, its goals with a
 * progress bar, on track or behind in words, a chart with the straight line to the target, and
 * the report for the committee; Kolding's konsulent adds a manual goal with the keyboard (first
 * without a title: the form comes back with the error linked from the summary and the metric
 * kept) and records a value, which shows in the history with who entered it. Every page passes
 * axe and fits 1280 and 390 px. */
test('strategies: the public reads Silkeborg\'s goals; a konsulent adds a manual goal and a value', async (tc) => {
	await visitAtWidths(tc, null, ['/strategier', '/strategier/1', '/strategier/1/rapport']);
	await visitAtWidths(tc, KOLDING, ['/strategier', '/strategier/2', '/strategier/ny']);
	const page = await newPage();
	try {
		await go(tc, page, '/strategier/1');
		const goals = await page.locator('section.goal').count();
		expect(goals === 3, `Silkeborg's strategy shows ${goals} goals, not 3`);
		const status = await text(page, 'section.goal .facts');
		expect(/På sporet|Bagud|Nået|Ikke nået ved fristen/.test(status), `no status in words: ${status}`);
		expect(await page.locator('section.goal progress').count() === 3, 'not a progress bar per goal');
		await signIn(tc, page, KOLDING);
		await go(tc, page, '/strategier/2');
		await page.getByLabel('Måling').selectOption('manual');
		await page.getByRole('button', { name: 'Tilføj mål' }).focus();
		let code = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(code === 422, `a goal without a title answered ${code}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-goal_title"]').count() === 1,
			'the summary does not link to the title');
		expect(await page.inputValue('#f-goal_metric') === 'manual', 'the metric was not kept');
		await page.getByLabel('Målets titel').fill('Borgere i job efter forløb');
		await page.getByLabel('Mål (antal, eller kroner for køb)').fill('40');
		await page.getByRole('button', { name: 'Tilføj mål' }).focus();
		code = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(code === 200, `adding the goal answered ${code}`);
		expect(await text(page, '.notice[role="status"]') === 'Målet er tilføjet.', 'no confirmation of the goal');
		const form = page.locator('form', { has: page.getByRole('button', { name: 'Registrér værdi' }) });
		await form.getByLabel('Værdi').fill('12');
		await form.getByRole('button', { name: 'Registrér værdi' }).focus();
		code = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(code === 200, `recording the value answered ${code}`);
		expect(await text(page, '.notice[role="status"]') === 'Værdien er registreret.', 'no confirmation of the value');
		const history = await text(page, 'section.goal:has-text("Borgere i job efter forløb") table');
		expect(history.includes('12'), `the value is not in the history: ${history}`);
		await fitsWidth(page, pathOf(page), VIEWPORT.width);
	} finally {
		await closePage(page);
	}
});

/* ---------------------------------------------------------------- partnership agreements (collab)
 * Jammerbugt's public agreement of May 2015 is read by anyone; the administrator's list (with
 * filters), the agreement and the form of a new one pass axe and fit 1280 and 390 px; a konsulent
 * of Kolding reaches the list from the home page's card, makes an agreement with the keyboard
 * (first without a title: 422 with what was typed kept), adds an item to the action plan, marks
 * it done (the progress bar follows) and deletes it after confirming. */
test('partnership agreements: Jammerbugt\'s agreement, the list, a new agreement and its action plan', async (tc) => {
	await visitAtWidths(tc, null, ['/partnerskaber/1']);
	await visitAtWidths(tc, ADMIN, ['/partnerskaber', '/partnerskaber?status=aktiv&sort=titel',
		'/partnerskaber/1', '/partnerskaber/ny']);
	const page = await newPage();
	try {
		await signIn(tc, page, KOLDING);
		if (pathOf(page) !== '/')
			await go(tc, page, '/');
		await follow(tc, page, () => page.locator('main').getByRole('link', { name: 'Partnerskaber', exact: true }).click());
		expect(pathOf(page) === '/partnerskaber', `"Partnerskaber" leads to ${pathOf(page)}`);
		await follow(tc, page, () => page.getByRole('link', { name: 'Ny aftale' }).click());
		expect(pathOf(page) === '/partnerskaber/ny', `"Ny aftale" leads to ${pathOf(page)}`);
		await page.getByLabel('Type').selectOption({ label: 'Brugsaftale (boligområde)' });
		await page.getByLabel('Formål').fill('Lokaler til caféen i boligområdet');
		await page.getByRole('button', { name: 'Opret aftale' }).focus();
		let status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 422, `an agreement without a title answered ${status}, not 422`);
		expect(await page.locator('.error-summary a[href="#f-title"]').count() === 1, 'the summary does not link to the title');
		expect(await page.inputValue('#f-purpose') === 'Lokaler til caféen i boligområdet', 'the purpose was not kept');
		await page.getByLabel('Titel').fill('Brugsaftale i boligområdet');
		await page.getByLabel('Kommunens rolle i aftalen').fill('Udlåner lokaler og følger op');
		await page.getByRole('button', { name: 'Opret aftale' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200 && /^\/partnerskaber\/\d+$/.test(pathOf(page)), `the agreement ended at ${pathOf(page)} (${status})`);
		expect((await text(page, '#parter ~ .table-scroll')).includes('Udlåner lokaler og følger op'), 'the role is not shown');
		await page.getByLabel('Hvad skal gøres').fill('Nøgler til lokalerne');
		await page.getByLabel('Ansvarlig part').selectOption({ label: 'Kolding Kommune' });
		await page.getByLabel('Frist').fill('2015-02-01');
		await page.getByRole('button', { name: 'Tilføj punkt' }).focus();
		status = await follow(tc, page, () => page.keyboard.press('Enter'));
		expect(status === 200, `adding the item answered ${status}`);
		expect(await page.locator('tr.overdue').count() === 1, 'the overdue item is not marked');
		expect(await page.locator('#fremdrift').getAttribute('value') === '0', 'the progress is not 0 of 1');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Markér som udført: Nøgler til lokalerne' }).click());
		expect(status === 200, `marking it done answered ${status}`);
		expect(await page.locator('#fremdrift').getAttribute('value') === '1', 'the progress did not move to 1 of 1');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Slet: Nøgler til lokalerne' }).click());
		expect(status === 200 && (await text(page, '.confirm')).includes('Vil du slette punktet'), 'deleting did not ask first');
		status = await follow(tc, page, () => page.getByRole('button', { name: 'Ja, slet punktet' }).click());
		expect(status === 200 && (await text(page, '#handleplan ~ .empty')).includes('ingen punkter'), 'the item was not deleted');
		await fitsWidth(page, pathOf(page), VIEWPORT.width);
	} finally {
		await closePage(page);
	}
});

/* ---------------------------------------------------------------- the runner */

function withTimeout(promise, ms, what) {
	let timer;
	const limit = new Promise((_, fail) => {
		timer = setTimeout(() => fail(new TestFailure(`${what} took longer than ${ms / 1000} s`)), ms);
	});
	return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function reason(err) {
	const msg = err instanceof TestFailure ? err.message : `${err.name}: ${err.message}`;
	return msg.split('\n').filter((l) => l.trim()).slice(0, 3)
		.map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join(' / ');
}

/* ---------------------------------------------------------------- the catalogue (procurement)
 * The public searches the catalogue with a Danish word and opens a playhouse with its pictures
 * (WebP with a JPEG fallback); a buyer of a municipality gets "Bestil" and the agreement filter;
 * Legehytten's own account reaches "Vores katalog", creates a product (first with errors, what
 * was typed kept) and uploads a picture with its alt text through the page's form; the pages fit
 * 1280 and 390 px. */
test('the catalogue: a Danish search, a product with pictures, an enterprise adds a product and a picture', async (tc) => {
	await visitAtWidths(tc, null, ['/katalog', '/katalog?q=legehus', '/katalog?service=cafe&kommune=621']);
	const page = await newPage();
	try {
		await go(tc, page, '/katalog');
		await page.getByLabel('Søg', { exact: true }).fill('legehuse');
		await follow(tc, page, () => page.getByRole('button', { name: 'Søg i kataloget' }).click());
		const cards = page.locator('main .product-card');
		expect(await cards.count() === 3, `"legehuse" found ${await cards.count()} products, not Legehytten's 3`);
		expect(await page.locator('main .product-card picture source[type="image/webp"]').count() === 3,
			'the cards have no WebP pictures');
		await follow(tc, page, () => page.getByRole('link', { name: 'Legehus Villa Rød' }).click());
		expect(/^\/katalog\/\d+$/.test(pathOf(page)), `the card leads to ${pathOf(page)}`);
		const facts = await text(page, '.facts');
		for (const want of ['Legehytten', '14.995,00 kr. ekskl. moms (25 %)', '37535200-9', 'Playground equipment', 'Hele landet'])
			expect(facts.includes(want), `the product does not show "${want}"`);
		expect(await page.locator('main img[alt^="Rødt legehus"]').count() === 1, 'the picture has no alt text');
		expect(await page.getByRole('link', { name: 'Bestil' }).count() === 0, 'the public is offered "Bestil"');
	} finally {
		await closePage(page);
	}
	const buyer = await newPage();
	try {
		await signIn(tc, buyer, 'indkoeb@kolding.example');
		await follow(tc, buyer, () => buyer.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Katalog' }).click());
		expect(await buyer.getByLabel('Kun produkter under aftale med min kommune').count() === 1,
			'the buyer has no agreement filter');
		await go(tc, buyer, '/katalog?q=jubil%C3%A6umskurv');
		await follow(tc, buyer, () => buyer.locator('main .product-card h3 a').first().click());
		const id = pathOf(buyer).split('/').pop();
		expect(await buyer.getByRole('link', { name: 'Bestil' }).getAttribute('href') === `/indkoeb/ordrer/ny?produkt=${id}`,
			'the buyer has no "Bestil" link to the order form');
	} finally {
		await closePage(buyer);
	}
	const owner = await newPage();
	try {
		await signIn(tc, owner, 'legehytten@kolding.example');
		await follow(tc, owner, () => owner.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Vores katalog' }).click());
		expect(/^\/virksomheder\/\d+\/katalog$/.test(pathOf(owner)), `"Vores katalog" leads to ${pathOf(owner)}`);
		const manage = pathOf(owner);
		await follow(tc, owner, () => owner.getByRole('link', { name: 'Nyt produkt' }).click());
		await owner.getByLabel('Pris i kr. ekskl. moms').fill('mange penge');
		let status = await follow(tc, owner, () => owner.getByRole('button', { name: 'Gem' }).click());
		expect(status === 422, `the form without a title answered ${status}, not 422`);
		const summary = owner.locator('.error-summary');
		for (const field of ['title', 'price'])
			expect(await summary.locator(`a[href="#f-${field}"]`).count() === 1, `the error summary does not link to ${field}`);
		expect(await owner.inputValue('#f-price') === 'mange penge', 'the price typed was not kept');
		await owner.getByLabel('Titel').fill('Legehus Mini');
		await owner.getByLabel('Pris i kr. ekskl. moms').fill('4.995,00');
		await owner.getByLabel('Håndværk og byggeri', { exact: true }).check();
		status = await follow(tc, owner, () => owner.getByRole('button', { name: 'Gem' }).click());
		expect(status === 200 && /^\/katalog\/\d+\/rediger$/.test(pathOf(owner)), `saving ended at ${pathOf(owner)} (${status})`);
		expect(await text(owner, '.notice[role="status"]') === 'Produktet er gemt.', 'no confirmation');
		await owner.setInputFiles('#f-billede', join(HERE, '..', 'data', 'images', 'good.png'));
		await owner.locator('#f-alt').fill('Legehus Mini set forfra');
		status = await follow(tc, owner, () => owner.getByRole('button', { name: 'Tilføj billede' }).click());
		expect(status === 200, `the upload ended with ${status}`);
		expect(await owner.locator('main img[alt="Legehus Mini set forfra"]').count() === 1, 'the new picture is not shown');
		state.catalogue = { manage, edit: pathOf(owner), product: pathOf(owner).replace(/\/rediger$/, '') };
	} finally {
		await closePage(owner);
	}
	/* the enterprise's pages fit a phone too */
	await visitAtWidths(tc, 'legehytten@kolding.example', [state.catalogue.manage, state.catalogue.edit,
		state.catalogue.product]);
});

/* ---------------------------------------------------------------- Det Fælles Designsystem
 * The look of DKFDS (tools/design, assets/app.css): IBM Plex Sans is loaded from /static/ and
 * used, buttons and fields have the design system's look, a failed form shows the error summary
 * as DKFDS' error alert linking to the field with the red bar, no page loads a script (with or
 * without JavaScript), everything passes axe (colour contrast included) and fits 390, 768 and
 * 1280 px. */
test('Det Fælles Designsystem: fonts, buttons, fields and the error summary; no script; 390, 768 and 1280 px', async (tc) => {
	const page = await newPage();
	const scripts = [];
	page.on('request', (req) => {
		if (req.resourceType() === 'script')
			scripts.push(req.url());
	});
	try {
		await go(tc, page, '/virksomheder');
		const look = await page.evaluate(async () => {
			await document.fonts.ready;
			const loaded = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'IBM Plex Sans' &&
				f.status === 'loaded').map((f) => f.weight);
			const button = getComputedStyle(document.querySelector('main form button'));
			const input = getComputedStyle(document.querySelector('main .field input'));
			const th = getComputedStyle(document.querySelector('main table.table thead'));
			return {
				family: getComputedStyle(document.body).fontFamily, loaded,
				button: [button.backgroundColor, button.color, button.borderRadius, button.fontWeight],
				input: [input.borderTopColor, input.borderRadius], th: th.backgroundColor,
				sheets: [...document.styleSheets].map((s) => s.href),
			};
		});
		expect(look.family.startsWith('"IBM Plex Sans"'), `the body's font is ${look.family}`);
		expect(look.loaded.includes('400'), `IBM Plex Sans 400 was not loaded (loaded: ${look.loaded.join(', ')})`);
		expect(look.button.join(' ') === 'rgb(11, 83, 148) rgb(255, 255, 255) 8px 600',
			`the filter's button looks like ${look.button.join(' ')}, not DKFDS' primary button`);
		expect(look.input.join(' ') === 'rgb(142, 142, 142) 8px', `the search field looks like ${look.input.join(' ')}`);
		expect(look.th === 'rgb(245, 245, 245)', `the table's head is ${look.th}`);
		expect(look.sheets.length === 1 && /\/static\/app\.css\?v=[0-9a-f]{16}$/.test(look.sheets[0]),
			`the page loads the stylesheets ${look.sheets.join(', ')}`);
		/* a failed sign-in: the summary first, as the error alert, its link leading to the field */
		await go(tc, page, '/login');
		const status = await follow(tc, page, () => page.getByRole('button', { name: 'Log ind' }).click());
		expect(status === 422 || status === 401 || status === 200, `an empty sign-in answered ${status}`);
		const summary = page.locator('.error-summary');
		expect(await summary.count() === 1, 'an empty sign-in shows no error summary');
		const alert = await summary.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderRadius]);
		expect(alert.join(' ') === 'rgb(255, 224, 224) 8px', `the error summary looks like ${alert.join(' ')}`);
		const href = await summary.locator('a').first().getAttribute('href');
		expect(href && await page.locator(href).count() === 1, `the summary's link ${href} leads nowhere`);
		const bar = await page.locator(`.field:has(${href})`).evaluate((el) => getComputedStyle(el).borderLeft);
		expect(bar.startsWith('4px solid rgb(204, 0, 0)'), `the failed field's bar is ${bar}`);
		await summary.locator('a').first().click();
		expect(new URL(page.url()).hash === href, `the summary's link went to ${page.url()}`);
		expect(scripts.length === 0, `pages loaded scripts: ${scripts.join(', ')}`);
	} finally {
		await closePage(page);
	}
	/* without JavaScript the look is the same: the design system's script is not needed */
	const nojs = await newPage({ javaScriptEnabled: false, viewport: PHONE });
	try {
		await go(tc, nojs, '/login');
		await nojs.getByLabel('E-mail').fill('ikke-en-adresse');
		const status = await follow(tc, nojs, () => nojs.getByRole('button', { name: 'Log ind' }).click());
		expect(status >= 200 && status < 500, `a wrong sign-in without JavaScript answered ${status}`);
		await fitsWidth(nojs, '/login', PHONE.width);
	} finally {
		await closePage(nojs);
	}
	/* a tablet's width too, where the menu wraps between the phone's and the desktop's */
	const tablet = await newPage({ viewport: { width: 768, height: 1024 } });
	try {
		await signIn(tc, tablet, KOLDING);
		for (const path of ['/', '/virksomheder', '/brugere/ny', '/statistik?year=2015', '/katalog']) {
			const status = await go(tc, tablet, path);
			expect(status === 200, `${path} answered ${status} at 768 px`);
			await fitsWidth(tablet, path, 768);
		}
	} finally {
		await closePage(tablet);
	}
	await visitAtWidths(tc, KOLDING, ['/brugere/ny', '/katalog', '/udbud', '/arrangementer']);
});

async function main() {
	let passed = 0;
	let failed = 0;
	let dir;
	let interrupted = false;
	const halt = () => new Promise(() => {}); /* the signal handler ends the process */
	const stop = async () => {
		if (browser)
			await browser.close().catch(() => {});
		await stopServer(server);
		if (dir)
			rmSync(dir, { recursive: true, force: true });
		if (PG && server)
			try {
				execFileSync('dropdb', [`--maintenance-db=${pgUri('postgres')}`, '--force',
					server.db.slice(server.db.lastIndexOf('/') + 1).split('?')[0]], { stdio: 'pipe' });
			} catch { /* a cluster already gone */ }
	};
	/* interrupted: stop the server and the browser, and still end with the count */
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			if (interrupted)
				return;
			interrupted = true;
			console.log(`not ok - interrupted by ${sig}`);
			stop().finally(() => {
				console.log(`${passed} passed, ${failed + 1} failed`);
				process.exit(1);
			});
		});
	}

	try {
		expect(existsSync(BIN), `no server binary at ${BIN} (build it, or set INDGANG_BIN)`);
		rmSync(OUT, { recursive: true, force: true });
		mkdirSync(OUT, { recursive: true });
		dir = mkdtempSync(join(tmpdir(), 'indgang-browser-'));
		server = await startServer(dir);
		expect(existsSync(AXE), `axe-core is not installed at ${AXE} (npm ci in tests/browser)`);
		browser = await chromium.launch({
			...CHROMIUM, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
		});
	} catch (err) {
		console.log(`not ok - setup: ${reason(err)}`);
		await stop();
		console.log('0 passed, 1 failed');
		process.exit(1);
	}

	for (const t of tests) {
		const tc = { name: t.name, violations: [], defects: [] };
		const began = Date.now();
		const took = () => `(${((Date.now() - began) / 1000).toFixed(1)} s)`;
		let why = null;
		try {
			await withTimeout(t.fn(tc), TEST_TIMEOUT_MS, t.name);
			for (const [page, info] of tracked)
				expect(info.audited === info.documents, `a page was not checked with axe: ${page.url()}`);
		} catch (err) {
			why = reason(err);
		}
		if (interrupted)
			await halt();
		if (tc.defects.length)
			why = `${why ? `${why}; and ` : ''}${tc.defects.join('; ')}`;
		if (tc.violations.length) {
			const list = tc.violations.map((v) => `\n  - ${v}`).join('');
			why = `${why ? `${why}; and ` : ''}${tc.violations.length} accessibility violation(s):${list}`;
		}
		if (!why) {
			console.log(`ok - ${t.name} ${took()}`);
			passed++;
			continue;
		}
		console.log(`not ok - ${t.name} ${took()}: ${why}`);
		failed++;
		let n = 0;
		for (const [page, info] of tracked) {
			info.audited = info.documents;
			await page.screenshot({ path: join(OUT, `failed-${slug(t.name).slice(0, 40)}-${++n}.png`), fullPage: true })
				.catch(() => {});
		}
	}

	const serverDied = server.proc.exitCode !== null || server.proc.signalCode !== null;
	await stop();
	if (serverDied) {
		console.log(`not ok - the server stopped during the tests: ${server.log.trim().split('\n').pop()}`);
		failed++;
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

await main();
