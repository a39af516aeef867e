import { describe, expect, it } from 'vitest';
import { html, raw } from './html.js';

describe('html (the one escaping template of pages and emails)', () => {
  it('escapes every interpolation, in text and in quoted attributes', () => {
    const title = `" onmouseover=alert(1) x="</title><script>alert('x')</script>&amp;`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&quot; onmouseover=alert(1) x=&quot;&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;">' +
        '&quot; onmouseover=alert(1) x=&quot;&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;</a>',
    );
  });

  it('nests templates and lists without escaping them twice; raw markup is ours only', () => {
    const items = ['<b>', 'a & b'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${raw('&middot;')}${null}${false}${undefined}${0}`.value).toBe(
      '<ul><li>&lt;b&gt;</li><li>a &amp; b</li></ul>&middot;0',
    );
  });
});
