/** The report sentence inspectors expect, selectable and with a copy button. */
import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, CheckmarkRegular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  sentence: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    userSelect: 'text',
    // English words stay whole; only an unbreakable run (a long sheet name) may break anywhere.
    overflowWrap: 'anywhere',
  },
});

export function SummarySentence({ sentence, t }: { sentence: string; t: Strings }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sentence);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className={styles.root} aria-label={t.sentenceLabel}>
      <div className={styles.head}>
        <Caption1>{t.sentenceLabel}</Caption1>
        <Button
          size="small"
          appearance="subtle"
          icon={copied === 'yes' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copy()}
        >
          {copied === 'yes' ? t.copied : t.copy}
        </Button>
      </div>
      <p className={styles.sentence} data-testid="report-sentence">
        {sentence}
      </p>
      {copied === 'failed' && <Caption1 role="status">{t.copyFailed}</Caption1>}
    </section>
  );
}
