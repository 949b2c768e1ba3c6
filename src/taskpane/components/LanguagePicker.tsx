/**
 * The pane's language: Office's display language unless the clerk chose one here. The choice is a
 * preference of this computer (localStorage), not of the workbook.
 */
import { Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import type { Lang } from '../../core/types';
import type { Strings } from '../i18n';

const KEY = 'zgtz.lang';

export type LangChoice = Lang | 'office';

export function readLangChoice(): LangChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'zh' || v === 'en' ? v : 'office';
  } catch {
    return 'office';
  }
}

export function saveLangChoice(choice: LangChoice): void {
  try {
    if (choice === 'office') globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode): the choice lasts until the pane closes.
  }
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  dropdown: { minWidth: 0, flexGrow: 1, maxWidth: '14em' },
});

export function LanguagePicker({
  t,
  choice,
  officeLang,
  onChange,
}: {
  t: Strings;
  choice: LangChoice;
  officeLang: Lang;
  onChange: (choice: LangChoice) => void;
}) {
  const styles = useStyles();
  const label = (c: LangChoice) =>
    c === 'office'
      ? t.languageOffice(officeLang === 'zh' ? '中文' : 'English')
      : c === 'zh'
        ? '中文'
        : 'English';
  return (
    <div className={styles.root}>
      <LocalLanguageRegular aria-hidden />
      <Dropdown
        className={styles.dropdown}
        size="small"
        appearance="underline"
        aria-label={t.languageLabel}
        value={label(choice)}
        selectedOptions={[choice]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue as LangChoice)}
      >
        {(['office', 'zh', 'en'] as const).map((c) => (
          <Option key={c} value={c} text={label(c)}>
            {label(c)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
