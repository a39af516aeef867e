import { describe, expect, it } from 'vitest';
import { htmlToText } from './text.js';

describe('htmlToText', () => {
  it('trims, and makes each whitespace run one space, one line break or one blank line', () => {
    expect(htmlToText(' \t a  b\u00a0\u00a0c \r\n d \n\n\n e\u3000\n \n f\u0085 ')).toBe('a b c\nd\n\ne\n\nf\u0085');
  });

  it('decodes HTML entities in text runs, legacy forms included, and breaks lines at blocks', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; bar&notit; &#x1F600;</p><ul><li>one<li>two</ul>tail')).toBe(
      'Café & bar¬it; 😀\n\none\ntwo\n\ntail',
    );
  });

  it('reads <textarea> and <title> text as the HTML tokenizer does', () => {
    expect(htmlToText('<textarea>&amp; stays</textarea> &amp; goes')).toBe('&amp; stays & goes');
    expect(htmlToText('<title>a<&rsquo;b</title>')).toBe('a<&rsquo;b');
  });

  it('starts each call afresh after one that ended inside a <script>', () => {
    expect(htmlToText('<script>unclosed')).toBe('');
    expect(htmlToText('after &lt;script&gt; <b>bold</b>')).toBe('after <script> bold');
  });
});
