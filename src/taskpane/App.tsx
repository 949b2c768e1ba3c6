/**
 * The task pane: three views (check, column settings, ledger from a rectification doc) over one LedgerHost.
 * The pane never calls Office.js; everything goes through `host`.
 */
import { useMemo, useState } from 'react';
import {
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
} from '@fluentui/react-components';
import type { LedgerHost } from '../excel/host';
import { langFromDisplay, STRINGS } from './i18n';
import { useLedgerSettings } from './useLedgerSettings';
import { useLedgerCheck } from './useLedgerCheck';
import { useDocImport } from './useDocImport';
import { CheckView } from './components/CheckView';
import { ColumnsView } from './components/ColumnsView';
import { ImportView } from './components/ImportView';
import { MergeView } from './components/MergeView';
import { MERGE_STRINGS } from './mergeStrings';
import { useMerge } from './useMerge';
import { NoticeBar } from './components/NoticeBar';
import { LanguagePicker, readLangChoice, saveLangChoice, type LangChoice } from './components/LanguagePicker';

/*
 * Nothing but the theme goes on FluentProvider: Fluent copies the provider's class names onto
 * every portal's mount node (applyStylesToPortals), so a min-height or background given to the
 * provider became a 100vh white layer over the pane whenever a dropdown opened (issue 12, point 1).
 * The page's own look lives on `page` inside it.
 */
const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXL}`,
    maxWidth: '100%',
    boxSizing: 'border-box',
    minWidth: 0,
  },
  // Four short labels without icons: one line at Office's 350 px task-pane width, in both languages.
  tabs: { flexWrap: 'wrap' },
  footer: { marginTop: tokens.spacingVerticalL },
});

type View = 'check' | 'columns' | 'import' | 'merge';

export interface AppProps {
  host: LedgerHost;
}

export default function App({ host }: AppProps) {
  const styles = useStyles();
  const officeLang = useMemo(() => {
    try {
      return langFromDisplay(host.displayLanguage());
    } catch {
      return 'zh' as const;
    }
  }, [host]);
  const [langChoice, setLangChoice] = useState<LangChoice>(readLangChoice);
  const lang = langChoice === 'office' ? officeLang : langChoice;
  const t = STRINGS[lang];
  const [view, setView] = useState<View>('check');
  const settings = useLedgerSettings(host, lang, t);
  const check = useLedgerCheck(host, lang, t, settings.settings);
  const docImport = useDocImport(host, lang, t);
  const m = MERGE_STRINGS[lang];
  const merge = useMerge(host, lang, t, m, settings.settings);

  const checkedWith = check.outcome ? check.outcome.settings : null;
  const stale = checkedWith !== null && checkedWith !== settings.settings;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.page}>
        <main className={styles.root}>
          <TabList
            className={styles.tabs}
            size="small"
            aria-label={t.tabListLabel}
            selectedValue={view}
            onTabSelect={(_, data: SelectTabData) => setView(data.value as View)}
          >
            <Tab value="check">{t.tabs.check}</Tab>
            <Tab value="columns">{t.tabs.columns}</Tab>
            <Tab value="import">{t.tabs.import}</Tab>
            <Tab value="merge">{t.tabs.merge}</Tab>
          </TabList>

          {settings.error && <NoticeBar t={t} intent="error" text={settings.error} />}

          <div role="tabpanel" aria-label={t.tabs[view]}>
            {view === 'check' && (
              <CheckView
                t={t}
                check={check}
                stale={stale}
                ready={settings.loaded}
                onOpenColumns={() => setView('columns')}
              />
            )}
            {view === 'columns' && (
              <ColumnsView
                t={t}
                settings={settings.settings}
                saveState={settings.saveState}
                update={settings.update}
                source={check.columnsSource}
                checkedWith={checkedWith}
              />
            )}
            {view === 'import' && <ImportView t={t} state={docImport} />}
            {view === 'merge' && <MergeView t={t} m={m} state={merge} />}
          </div>
          <footer className={styles.footer}>
            <LanguagePicker
              t={t}
              choice={langChoice}
              officeLang={officeLang}
              onChange={(choice) => {
                saveLangChoice(choice);
                setLangChoice(choice);
              }}
            />
          </footer>
        </main>
      </div>
    </FluentProvider>
  );
}
