// `npm run audit:verify -- FILE [--public-key keyId:base64url]…`: checks an audit export offline.
// Exit 0 with a summary when the chain is whole, 1 with the first broken link, 2 on bad usage.
import { parseArgs } from 'node:util';
import { PublicKeyEntry, verifyExportFile } from '@rounds/domain/audit/export-verification';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'public-key': { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run audit:verify -- FILE [--public-key keyId:base64url]…');
    return 2;
  }
  const pinned = values['public-key']?.map((entry): PublicKeyEntry => {
    const [keyId, publicKey] = entry.split(':');
    return { keyId, publicKey };
  });
  const result = await verifyExportFile(positionals[0], pinned);
  const keys = result.keys.map((k) => `${k.keyId} (${k.publicKey})`).join(', ');
  console.log(
    `organization ${result.organizationId}, ${result.from ?? 'start'} to ${result.to ?? 'now'}`,
  );
  console.log(
    `events ${result.firstSeq ?? '-'} to ${result.lastSeq ?? '-'}; checkpoints ${result.checkpointsChecked}`,
  );
  console.log(
    `keys ${result.keysPinned ? 'pinned' : 'taken from the file (pin them with --public-key)'}: ${keys}`,
  );
  if (result.valid) {
    console.log(`VALID: ${result.eventsChecked} events, every hash, link and checkpoint holds`);
    return 0;
  }
  const broken = result.firstBroken!;
  console.log(
    `BROKEN at event ${broken.seq}${broken.id ? ` (${broken.id})` : ''}: ${broken.kind}: ${broken.reason}`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
