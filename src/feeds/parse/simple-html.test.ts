import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { simpleHtmlText } from './simple-html.js';

/** Which tags htmlparser2 reports opening and closing, as breaks: what simpleHtmlText must reproduce. */
function treeBreaks(html: string): string {
  let out = '';
  const block = /^(?:p|div|ul|ol|blockquote|h[1-6]|hr)$/;
  new Parser(
    {
      onopentagname: (name) => (out += block.test(name) ? '\n\n' : name === 'br' || name === 'li' ? '\n' : ''),
      ontext: (text) => (out += text),
      onclosetag: (name) => (out += block.test(name) ? '\n\n' : ''),
    },
    { decodeEntities: false },
  ).end(html);
  return out;
}

describe('simpleHtmlText', () => {
  it('follows htmlparser2 on implied closes, stray closing tags and what is open at the end', () => {
    for (const html of [
      '<p>a<p>b<ul><li>c<li>d</ul>e',
      '</p>x</br>y<hr>z</hr>',
      '<div><p>a<h2>t</div>b<blockquote>q',
      '<a href="x>y" title=\'t\'>link</a><img src=a.png/>tail',
      '<P CLASS=x>Up</P ><BR/>',
    ]) {
      expect(simpleHtmlText(html, 1000)).toBe(treeBreaks(html));
    }
  });

  it('decodes entities in text only', () => {
    expect(simpleHtmlText('<a title="&amp;">A &amp; B&rsquo;s</a>', 1000)).toBe('A & B’s');
  });

  it('leaves anything unusual to htmlparser2', () => {
    for (const html of [
      'a <!-- c --> b',
      '<script>x</script>',
      '<table><td>x',
      'a < b',
      '<a b="c"d>x',
      '<p',
      '</ p>',
    ]) {
      expect(simpleHtmlText(html, 1000)).toBeUndefined();
    }
  });
});
