/** For unbuffered-channel: whether an unbuffered channel is a close-only signal. */
import { channelFacts, type ChannelUse, type UnbufferedMake } from '../../core/go/channels.js';
import type { SyntaxNode } from '../../core/go/parser.js';

function sentValue(use: ChannelUse): string | null {
  let n = use.node;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  return n.parent?.type === 'send_statement' ? (n.parent.childForFieldName('value')?.text ?? null) : null;
}

/**
 * For unbuffered-channel: whether the channel is a close-only signal (closed, never sent on),
 * or a `chan struct{}` whose sends the file does not show (it may well be one).
 */
export function looksLikeSignal(make: UnbufferedMake, root: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const structElem = make.elem?.type === 'struct_type' && make.elem.text.replace(/\s/g, '') === 'struct{}';
  const { binding, uses } = channelFacts(make, root, imports);
  if (!binding) return structElem;
  // A field name may be shared by other types' channels: for `chan struct{}`, only a send of
  // `struct{}{}` can be a send on this one.
  const sends = uses.filter((u) => u.kind === 'send' && (!structElem || binding.kind !== 'field' || sentValue(u)?.replace(/\s/g, '') === 'struct{}{}'));
  if (sends.length > 0) return false;
  return structElem || uses.some((u) => u.kind === 'close');
}
