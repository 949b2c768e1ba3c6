/** 合并各单位台账: pick the units' files (or take this workbook's sheets), preview the units, write the 汇总 sheets. */
import { useEffect, useRef } from 'react';
import {
  Body1,
  Button,
  Caption1,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentMultipleRegular, TableAddRegular, TableStackBelowRegular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import type { MergeStrings } from '../mergeStrings';
import { loadMerger, type MergeState } from '../useMerge';
import { NoticeBar } from './NoticeBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hiddenInput: { display: 'none' },
  tableWrap: {
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cell: { verticalAlign: 'top', wordBreak: 'break-word', fontSize: tokens.fontSizeBase200 },
  num: { textAlign: 'right', fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap', width: '44px' },
  numHeader: { width: '44px', fontSize: tokens.fontSizeBase200 },
  table: { tableLayout: 'fixed', width: '100%' },
  bad: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-word',
  },
  sentence: {
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const baseName = (f: string) => f.replace(/^.*[\\/]/, '');

export function MergeView({ t, m, state }: { t: Strings; m: MergeStrings; state: MergeState }) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, progress, result, notice } = state;

  // The reader is loaded when the view opens, so the first pick does not wait for it.
  useEffect(() => {
    loadMerger().catch(() => undefined);
  }, []);

  const unreadable = result?.files.filter((f) => f.error !== null) ?? [];

  return (
    <div className={styles.root}>
      <Body1>{m.intro}</Body1>
      <div className={styles.actions}>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          aria-label={m.pickFiles}
          data-testid="merge-files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) void state.readFiles(files);
            e.target.value = '';
          }}
        />
        <Button
          appearance="primary"
          icon={<DocumentMultipleRegular />}
          disabledFocusable={busy !== null}
          onClick={() => fileInput.current?.click()}
        >
          {m.pickFiles}
        </Button>
        {state.canReadWorkbook && (
          <Button
            icon={<TableStackBelowRegular />}
            disabledFocusable={busy !== null}
            onClick={() => void state.readWorkbook()}
          >
            {m.fromWorkbook}
          </Button>
        )}
      </div>

      {progress && (
        <div className={styles.section} aria-live="polite">
          <Caption1>
            {progress.total > 1 ? m.reading(progress.done, progress.total, progress.name) : progress.name}
          </Caption1>
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
        </div>
      )}

      {notice && (
        <NoticeBar
          t={t}
          intent={notice.intent}
          text={notice.text}
          details={notice.details}
          onDismiss={state.dismissNotice}
        />
      )}

      {result && result.totals.units > 0 && (
        <section className={styles.section} aria-labelledby="merge-preview-title">
          <Subtitle2 as="h2" id="merge-preview-title">
            {m.previewTitle(result.totals.units, result.totals.measures)}
          </Subtitle2>
          <div className={styles.tableWrap}>
            <Table size="extra-small" className={styles.table} aria-labelledby="merge-preview-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{m.cols.unit}</TableHeaderCell>
                  <TableHeaderCell className={styles.numHeader}>{m.cols.measures}</TableHeaderCell>
                  <TableHeaderCell className={styles.numHeader}>{m.cols.overdue}</TableHeaderCell>
                  <TableHeaderCell className={styles.numHeader}>{m.cols.missing}</TableHeaderCell>
                  <TableHeaderCell className={styles.numHeader}>{m.cols.toComplete}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.units.map((u) => (
                  <TableRow key={u.unit} data-testid="merge-unit-row">
                    <TableCell className={styles.cell} title={baseName(u.file)}>
                      {u.unit}
                      <br />
                      <Caption1>{m.sources[u.source]}</Caption1>
                    </TableCell>
                    <TableCell className={styles.num}>{u.counts.measures}</TableCell>
                    <TableCell className={styles.num}>
                      <span className={u.counts.overdue > 0 ? styles.bad : undefined}>
                        {u.counts.overdue}
                      </span>
                    </TableCell>
                    <TableCell className={styles.num}>
                      <span className={u.missingDepartment > 0 ? styles.bad : undefined}>
                        {u.missingDepartment}
                      </span>
                    </TableCell>
                    <TableCell className={styles.num}>{u.toCompleteCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1 data-testid="merge-totals">{state.totals}</Caption1>
          <Body1 className={styles.sentence} data-testid="merge-sentence">
            {state.sentence}
          </Body1>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              disabledFocusable={busy !== null}
              onClick={() => void state.write()}
            >
              {m.write}
            </Button>
          </div>
        </section>
      )}

      {unreadable.length > 0 && (
        <section className={styles.section} aria-labelledby="merge-unreadable-title">
          <Subtitle2 as="h3" id="merge-unreadable-title">
            {m.unreadableTitle(unreadable.length)}
          </Subtitle2>
          <ul className={styles.list} data-testid="merge-unreadable">
            {unreadable.map((f) => (
              <li key={f.file}>
                <strong>{baseName(f.file)}</strong>：{f.error}
              </li>
            ))}
          </ul>
        </section>
      )}

      {result && result.duplicates.length > 0 && (
        <section className={styles.section} aria-labelledby="merge-duplicates-title">
          <Subtitle2 as="h3" id="merge-duplicates-title">
            {m.duplicatesTitle}
          </Subtitle2>
          <ul className={styles.list} data-testid="merge-duplicates">
            {result.duplicates.map((d) => (
              <li key={d.dropped}>{m.duplicate(d.unit, baseName(d.kept), baseName(d.dropped))}</li>
            ))}
          </ul>
        </section>
      )}
      {state.ignored.length > 0 && <Caption1>{m.ignored(state.ignored)}</Caption1>}
    </div>
  );
}
