import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { requireShared } from '../corpus.js';

// page.evaluate's functions run in the page. tsconfig has no DOM lib (it would type all of src/ as if in a
// browser), so they see this minimal DOM of their own, declared for this module only.
interface PageElement {
  localName: string;
  id: string;
  className: unknown;
  getBoundingClientRect(): { right: number; width: number };
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  contains(other: PageElement): boolean;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  scripts: ArrayLike<{ src: string; text: string }>;
  documentElement: { scrollWidth: number };
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where screenshots go: gitignored, kept by CI as test artifacts. */
const screenshotDir = join(repoRoot, 'test-artifacts', 'screenshots');

/**
 * Debian's chromium, not playwright's download (which this network cannot reach). On a closed network
 * these flags keep it from dialling out (QUIC, component updates, sync) and from needing a GPU or a
 * sandbox it may not get as root. Playwright gives every launch a fresh temporary user-data-dir.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH when set (a missing file there is not replaced by a search), else chromium on PATH. */
function findChromium(): { path: string; found: boolean } {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return { path: configured, found: existsSync(configured) };
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean))
    for (const name of ['chromium', 'chromium-browser']) {
      const path = join(dir, name);
      if (existsSync(path)) return { path, found: true };
    }
  return { path: 'CHROMIUM_PATH or PATH (apt-get install chromium)', found: false };
}

/**
 * The chromium to drive, or undefined: then the browser tests skip with one line, except with
 * CI=true, where a missing browser fails loudly (the rule of `requireShared` for ../shared).
 */
export function chromiumOrSkip(): string | undefined {
  const { path, found } = findChromium();
  if (!found) requireShared(path, 'chromium');
  return found ? path : undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Full-page screenshots at desktop and phone sizes; the phone context honours the meta viewport. */
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

/**
 * Loads a page in a desktop and a phone context and saves `<name>-desktop.png` and `<name>-phone.png`
 * (full page) and `<name>-phone-top.png` (the phone's first screen) under test-artifacts/screenshots;
 * prints and returns their paths. It also reports, for the phone, how many pixels the page is wider
 * than the viewport (horizontal overflow; 0 or less is none).
 */
export async function screenshots(
  browser: Browser,
  name: string,
  load: (page: Page) => Promise<void>,
): Promise<{ paths: string[]; phoneOverflow: number }> {
  mkdirSync(screenshotDir, { recursive: true });
  const paths: string[] = [];
  let phoneOverflow = 0;
  let wide: string[] = [];
  for (const [size, options] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      await load(page);
      const path = join(screenshotDir, `${name}-${size}.png`);
      await page.screenshot({ path, fullPage: true });
      paths.push(path);
      if (size === 'phone') {
        // Not innerWidth: a mobile viewport zooms out to fit a page that is too wide.
        phoneOverflow = (await page.evaluate(() => document.documentElement.scrollWidth)) - options.viewport.width;
        if (phoneOverflow > 0) wide = await widestElements(page, options.viewport.width);
        // The first screen as a phone shows it, at full resolution: a tall full page is scaled down to view.
        const top = join(screenshotDir, `${name}-phone-top.png`);
        await page.screenshot({ path: top });
        paths.push(top);
      }
    } finally {
      await context.close();
    }
  }
  console.log(`screenshots: ${paths.join(' ')}`);
  if (phoneOverflow > 0)
    console.warn(`${name}: ${phoneOverflow} px wider than a 390 px phone (scrolls sideways): ${wide.join(', ')}`);
  return { paths, phoneOverflow };
}

/** The innermost elements reaching past the right edge of a `width` px viewport, as `tag#id.class (right px)`. */
function widestElements(page: Page, width: number): Promise<string[]> {
  return page.evaluate((width) => {
    const over = Array.from(document.querySelectorAll('body *')).filter(
      (el) => el.getBoundingClientRect().right > width + 0.5,
    );
    // Only the innermost: an element whose child also overflows is not the cause.
    const inner = over.filter((el) => !over.some((other) => other !== el && el.contains(other)));
    return inner.slice(0, 8).map((el) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      return `${el.localName}${el.id ? `#${el.id}` : ''}${cls} (${Math.round(el.getBoundingClientRect().right)} px)`;
    });
  }, width);
}

/** Every dialog (alert, confirm, prompt) a page opens, dismissed and recorded so a test can fail on it. */
export function recordDialogs(target: Page | BrowserContext): string[] {
  const dialogs: string[] = [];
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()} (${page.url()})`);
      void dialog.dismiss().catch(() => {});
    });
  if ('goto' in target) watch(target);
  else {
    target.pages().forEach(watch);
    target.on('page', watch);
  }
  return dialogs;
}

export interface ActiveContent {
  /** Elements carrying an event-handler attribute (`onerror`, `onclick`, …). */
  handlers: string[];
  /** href/src/action/formaction values with a script-capable scheme. */
  scriptUrls: string[];
  /** Script elements whose source or text carries the payloads' `alert(`. */
  scripts: string[];
}

/** What in the live DOM could run script: what a page built from podcast text must never contain. */
export function activeContent(page: Page): Promise<ActiveContent> {
  return page.evaluate(() => {
    const elements = Array.from(document.querySelectorAll('*'));
    const handlers = elements.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `<${el.localName} ${a.name}="${a.value}">`),
    );
    const scriptUrls = elements.flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']
        .map((attr) => el.getAttribute(attr))
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        .filter(
          (v): v is string =>
            v !== null && /^((javascript|vbscript):|data:text\/html)/i.test(v.replace(/[\u0000-\u0020]/g, '')),
        )
        .map((v) => `<${el.localName}> ${v}`),
    );
    const scripts = Array.from(document.scripts)
      .filter((s) => /alert\(/.test(s.src + s.text))
      .map((s) => s.src || s.text.slice(0, 80));
    return { handlers, scriptUrls, scripts };
  });
}
