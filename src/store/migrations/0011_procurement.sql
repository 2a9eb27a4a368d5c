-- 0011_procurement: the municipality as customer (chapter 5) — the catalogue of the
-- enterprises' products and services with pictures, voluntary purchase agreements, orders and
-- purchases (spend), tenders with social clauses, bids and their scoring, and contracts.
-- Amounts are whole øre (INTEGER), never floating point; see src/base/money.h.

-- ---- the catalogue

-- A product or service an enterprise offers. price_ore excludes VAT (ex. moms) at vat_rate
-- percent; cpv is an EU CPV 2008 code written "39000000-2" (8 digits, dash, check digit),
-- checked against the list in data/reference/cpv-2008.csv.
CREATE TABLE products (
	id INTEGER PRIMARY KEY,
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT '',
	price_ore INTEGER NOT NULL CHECK (price_ore >= 0),
	vat_rate INTEGER NOT NULL DEFAULT 25 CHECK (vat_rate BETWEEN 0 AND 25),
	unit TEXT NOT NULL DEFAULT 'stk.' CHECK (length(unit) BETWEEN 1 AND 40),
	min_order INTEGER NOT NULL DEFAULT 1 CHECK (min_order BETWEEN 1 AND 100000),
	cpv TEXT CHECK (cpv IS NULL OR (length(cpv) = 10 AND substr(cpv, 9, 1) = '-')),
	-- 'active' in the catalogue, 'hidden' kept but not shown to buyers
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'hidden')),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX products_enterprise ON products (enterprise_id, status);
CREATE INDEX products_status ON products (status, id);
CREATE INDEX products_cpv ON products (substr(cpv, 1, 2), status) WHERE cpv IS NOT NULL;
CREATE INDEX products_price ON products (status, price_ore);

-- the registry's service keys a product belongs to
CREATE TABLE product_services (
	product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
	service TEXT NOT NULL REFERENCES services (key),
	PRIMARY KEY (product_id, service)
);
CREATE INDEX product_services_service ON product_services (service);

-- the municipalities a product is delivered to; none means all of Denmark
CREATE TABLE product_areas (
	product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	PRIMARY KEY (product_id, kommune)
);
CREATE INDEX product_areas_kommune ON product_areas (kommune);

-- A picture of a product, decoded and re-encoded by libvips with every piece of metadata
-- stripped. The original (normalised: upright, sRGB, at most 2400 px, JPEG) and its
-- thumbnails are rows of product_image_files. etag is a hash of the stored bytes.
CREATE TABLE product_images (
	id INTEGER PRIMARY KEY,
	product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
	position INTEGER NOT NULL DEFAULT 0,
	alt TEXT NOT NULL CHECK (length(alt) BETWEEN 1 AND 300),
	width INTEGER NOT NULL CHECK (width > 0),
	height INTEGER NOT NULL CHECK (height > 0),
	created_at TEXT NOT NULL
);
CREATE INDEX product_images_product ON product_images (product_id, position, id);

-- the stored bytes of a picture: size 0 the normalised original, else the width of a
-- thumbnail (320, 960); format 'jpeg' or 'webp'
CREATE TABLE product_image_files (
	image_id INTEGER NOT NULL REFERENCES product_images (id) ON DELETE CASCADE,
	size INTEGER NOT NULL CHECK (size >= 0),
	format TEXT NOT NULL CHECK (format IN ('jpeg', 'webp')),
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	etag TEXT NOT NULL,
	data BLOB NOT NULL,
	PRIMARY KEY (image_id, size, format)
);

-- ---- voluntary purchase agreements (frivillige indkøbsaftaler)

CREATE TABLE agreements (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	scope TEXT NOT NULL DEFAULT '',
	terms TEXT NOT NULL DEFAULT '',
	contact_name TEXT NOT NULL DEFAULT '',
	contact_email TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	start TEXT NOT NULL CHECK (date(start) = start),
	end TEXT NOT NULL CHECK (date(end) = end),
	-- 'draft' being written, 'active' in force (between start and end), 'ended' ended early or
	-- not renewed; an active agreement past its end date counts as expired on read
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'ended')),
	-- when the reminder before the end went to the outbox (once per agreement and end date)
	reminded_at TEXT,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (end >= start)
);
CREATE INDEX agreements_kommune ON agreements (kommune, status, end);
CREATE INDEX agreements_enterprise ON agreements (enterprise_id, status);
CREATE INDEX agreements_due ON agreements (end) WHERE status = 'active' AND reminded_at IS NULL;

-- the products an agreement covers; an agreement without rows covers all of the enterprise's
CREATE TABLE agreement_products (
	agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
	product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
	PRIMARY KEY (agreement_id, product_id)
);
CREATE INDEX agreement_products_product ON agreement_products (product_id);

-- ---- orders and purchases (spend)

-- An order a buyer sends to an enterprise through Indgang; the enterprise accepts or declines.
CREATE TABLE orders (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	agreement_id INTEGER REFERENCES agreements (id) ON DELETE SET NULL,
	buyer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	reference TEXT NOT NULL DEFAULT '',
	delivery_address TEXT NOT NULL DEFAULT '',
	wanted_by TEXT CHECK (wanted_by IS NULL OR date(wanted_by) = wanted_by),
	note TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'delivered', 'cancelled')),
	answer TEXT NOT NULL DEFAULT '',
	total_ore INTEGER NOT NULL DEFAULT 0 CHECK (total_ore >= 0),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX orders_kommune ON orders (kommune, created_at);
CREATE INDEX orders_enterprise ON orders (enterprise_id, status, created_at);

-- a line of an order: a catalogue product (title and price copied when ordered) or a free line
CREATE TABLE order_lines (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
	product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	unit TEXT NOT NULL DEFAULT 'stk.',
	quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
	price_ore INTEGER NOT NULL CHECK (price_ore >= 0),
	vat_rate INTEGER NOT NULL DEFAULT 25 CHECK (vat_rate BETWEEN 0 AND 25)
);
CREATE INDEX order_lines_order ON order_lines (order_id, id);

-- A purchase from an enterprise: recorded by the buyer for something bought elsewhere, or made
-- from an order when the enterprise delivers it (order_id). Spend is the sum of these,
-- ex. moms.
CREATE TABLE purchases (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	order_id INTEGER UNIQUE REFERENCES orders (id) ON DELETE SET NULL,
	agreement_id INTEGER REFERENCES agreements (id) ON DELETE SET NULL,
	date TEXT NOT NULL CHECK (date(date) = date),
	amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
	-- a registry service key the purchase is about (spend per service), or NULL
	service TEXT REFERENCES services (key),
	description TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX purchases_kommune ON purchases (kommune, date);
CREATE INDEX purchases_enterprise ON purchases (enterprise_id, date);
CREATE INDEX purchases_date ON purchases (date);

-- ---- tenders (udbud) with social clauses

-- procedure: offentligt, begraenset, light (udbudslovens light-regime), reserveret (udbudsloven
-- § 20: reserved for enterprises whose main aim is the social and professional integration of
-- disadvantaged persons), under_taerskel. status: draft, published, closed (past the deadline
-- for bids, being evaluated), awarded, cancelled. price_model: 'lowest_ratio' scores a bid's
-- price as lowest price / bid price × 10.
CREATE TABLE tenders (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	object TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	cpv TEXT CHECK (cpv IS NULL OR (length(cpv) = 10 AND substr(cpv, 9, 1) = '-')),
	estimate_ore INTEGER CHECK (estimate_ore IS NULL OR estimate_ore >= 0),
	procedure TEXT NOT NULL CHECK (procedure IN ('offentligt', 'begraenset', 'light', 'reserveret', 'under_taerskel')),
	published TEXT CHECK (published IS NULL OR date(published) = published),
	questions_deadline TEXT,
	deadline TEXT NOT NULL,
	price_model TEXT NOT NULL DEFAULT 'lowest_ratio' CHECK (price_model IN ('lowest_ratio')),
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'awarded', 'cancelled')),
	awarded_bid_id INTEGER,
	award_note TEXT NOT NULL DEFAULT '',
	awarded_at TEXT,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX tenders_kommune ON tenders (kommune, status, deadline);
CREATE INDEX tenders_status ON tenders (status, deadline);

-- award criteria; weights of a tender sum to 100. key is a slug of name ("pris", "kvalitet",
-- "social_vaerdi"); the criterion with is_price = 1 is scored by the price model.
CREATE TABLE tender_criteria (
	tender_id INTEGER NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
	is_price INTEGER NOT NULL DEFAULT 0 CHECK (is_price IN (0, 1)),
	position INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (tender_id, key)
);

-- social clauses of a tender, in words ("mindst 10 % af de ansatte på opgaven er på kanten af
-- arbejdsmarkedet"), with an optional kind for the figures
CREATE TABLE tender_clauses (
	id INTEGER PRIMARY KEY,
	tender_id INTEGER NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	kind TEXT NOT NULL DEFAULT 'andet' CHECK (kind IN ('beskaeftigelse', 'laerlinge', 'praktik', 'miljoe', 'andet')),
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
	position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tender_clauses_tender ON tender_clauses (tender_id, position);

-- questions from enterprises and the municipality's published answers (the asker is never shown)
CREATE TABLE tender_questions (
	id INTEGER PRIMARY KEY,
	tender_id INTEGER NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
	question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
	answer TEXT NOT NULL DEFAULT '',
	asked_at TEXT NOT NULL,
	answered_at TEXT
);
CREATE INDEX tender_questions_tender ON tender_questions (tender_id, id);

-- enterprises that registered interest (they are told of answers and changes)
CREATE TABLE tender_interest (
	tender_id INTEGER NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	PRIMARY KEY (tender_id, enterprise_id)
);

-- a bid: one per enterprise and tender (a new one before the deadline replaces the price)
CREATE TABLE bids (
	id INTEGER PRIMARY KEY,
	tender_id INTEGER NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	price_ore INTEGER NOT NULL CHECK (price_ore > 0),
	note TEXT NOT NULL DEFAULT '',
	submitted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	submitted_at TEXT NOT NULL,
	-- the letter about the outcome went to the outbox
	notified_at TEXT,
	UNIQUE (tender_id, enterprise_id)
);

-- documents of a bid: PDF only, checked by content, size-capped
CREATE TABLE bid_documents (
	id INTEGER PRIMARY KEY,
	bid_id INTEGER NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
	filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
	size INTEGER NOT NULL CHECK (size > 0),
	sha256 TEXT NOT NULL,
	data BLOB NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX bid_documents_bid ON bid_documents (bid_id, id);

-- the evaluation committee's score of a bid on a criterion (0-10) with its justification;
-- the price criterion is computed by the price model and not stored here
CREATE TABLE bid_scores (
	bid_id INTEGER NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
	criterion TEXT NOT NULL,
	score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
	justification TEXT NOT NULL DEFAULT '',
	scored_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	scored_at TEXT NOT NULL,
	PRIMARY KEY (bid_id, criterion)
);

-- ---- contracts and leases (a canteen, a café) with social commitments

CREATE TABLE contracts (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	tender_id INTEGER REFERENCES tenders (id) ON DELETE SET NULL,
	agreement_id INTEGER REFERENCES agreements (id) ON DELETE SET NULL,
	kind TEXT NOT NULL DEFAULT 'kontrakt' CHECK (kind IN ('kontrakt', 'lejeaftale', 'forpagtning')),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	start TEXT NOT NULL CHECK (date(start) = start),
	end TEXT CHECK (end IS NULL OR date(end) = end),
	value_ore INTEGER CHECK (value_ore IS NULL OR value_ore >= 0),
	note TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (end IS NULL OR end >= start)
);
CREATE INDEX contracts_kommune ON contracts (kommune, start);
CREATE INDEX contracts_enterprise ON contracts (enterprise_id);

-- a social commitment of a contract: in words, and when measurable, a number of people in a
-- scheme at the enterprise ("10 ansatte i fleksjob": scheme 'fleksjob', target 10), followed
-- up against the placements of the employment capability
CREATE TABLE contract_commitments (
	id INTEGER PRIMARY KEY,
	contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
	scheme TEXT CHECK (scheme IS NULL OR scheme IN ('ordinaer', 'fleksjob', 'ressourceforloeb', 'praktik', 'loentilskud')),
	target INTEGER CHECK (target IS NULL OR target BETWEEN 1 AND 10000),
	position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contract_commitments_contract ON contract_commitments (contract_id, position);
