/** Ledger from a plan: paste (or open) the text, preview the rows, then write a new sheet. */
import { useRef } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular, EyeRegular, TableAddRegular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import type { PlanImportState } from '../usePlanImport';
import { NoticeBar } from './NoticeBar';

const PREVIEW_ROWS = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hiddenInput: { display: 'none' },
  tableWrap: {
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: '560px', tableLayout: 'auto' },
  cell: { verticalAlign: 'top', wordBreak: 'break-word', fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorStatusDangerForeground1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ImportView({ t, state }: { t: Strings; state: PlanImportState }) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { preview, previewStale, busy, notice } = state;
  const okPreview = preview && preview.ok && !previewStale ? preview.result : null;

  return (
    <div className={styles.root}>
      <Body1>{t.importIntro}</Body1>
      <Field label={t.importText}>
        <Textarea
          resize="vertical"
          rows={8}
          placeholder={t.importPlaceholder}
          value={state.text}
          onChange={(_, data) => state.setText(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t.importFile}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void state.openFile(file);
            e.target.value = '';
          }}
        />
        <Button
          icon={<DocumentArrowUpRegular />}
          disabledFocusable={busy !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t.importFile}
        </Button>
        <Button
          appearance="primary"
          icon={<EyeRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void state.runPreview()}
        >
          {t.preview}
        </Button>
      </div>

      {notice && (
        <NoticeBar
          t={t}
          intent={notice.intent}
          text={notice.text}
          details={notice.details}
          onDismiss={state.dismissNotice}
        />
      )}
      {preview && !preview.ok && !previewStale && <NoticeBar t={t} intent="error" text={preview.message} />}
      {preview && previewStale && <NoticeBar t={t} intent="info" text={t.importChanged} />}

      {okPreview && (
        <section className={styles.section} aria-labelledby="import-preview-title">
          <Subtitle2 as="h2" id="import-preview-title">
            {t.previewTitle(okPreview.rows.length)}
          </Subtitle2>
          {okPreview.totals.agrees === false && (
            <Caption1 role="status" className={styles.missing} data-testid="import-totals-mismatch">
              {okPreview.totals.note}
            </Caption1>
          )}
          {okPreview.warnings.map((w) => (
            <Caption1 key={w}>{w}</Caption1>
          ))}
          <div className={styles.tableWrap}>
            <Table size="extra-small" className={styles.table} aria-labelledby="import-preview-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.previewCols.category}</TableHeaderCell>
                  <TableHeaderCell>{t.previewCols.problem}</TableHeaderCell>
                  <TableHeaderCell>{t.previewCols.measure}</TableHeaderCell>
                  <TableHeaderCell>{t.previewCols.departments}</TableHeaderCell>
                  <TableHeaderCell>{t.previewCols.deadline}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {okPreview.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                  <TableRow key={i} data-testid="import-preview-row">
                    <TableCell className={styles.cell}>{r.category}</TableCell>
                    <TableCell className={styles.cell}>{r.problem}</TableCell>
                    <TableCell className={styles.cell}>{r.measure}</TableCell>
                    <TableCell className={styles.cell}>
                      {r.departments.length ? (
                        r.departments.join('、')
                      ) : (
                        <span className={styles.missing}>{t.previewMissing}</span>
                      )}
                    </TableCell>
                    <TableCell className={styles.cell}>
                      {r.deadlineText || r.deadline || <span className={styles.missing}>{t.previewMissing}</span>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {okPreview.rows.length > PREVIEW_ROWS && <Caption1>{t.previewMore(okPreview.rows.length - PREVIEW_ROWS)}</Caption1>}
          <Caption1>{t.importLacking(okPreview.missing.department, okPreview.missing.deadline)}</Caption1>
          <Field label={t.sheetName}>
            <Input value={state.sheetName} onChange={(_, data) => state.setSheetName(data.value)} />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              disabledFocusable={busy !== null}
              onClick={() => void state.write()}
            >
              {t.writeSheet}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
