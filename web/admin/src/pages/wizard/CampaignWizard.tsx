// Create or edit a campaign in six steps: basics, tiers, rules, poster, welcome texts, review.
// POST/PUT /campaigns (If-Match: configVersion), PUT …/poster, POST …/publish. Server field errors
// are shown beside their fields, and the wizard jumps to the step that holds the first one.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Form, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import type { CampaignView, PosterTemplate } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { ErrorState, ForbiddenState } from '../../components/ErrorState.tsx';
import { StatusTag } from '../campaigns/StatusTag.tsx';
import { StepBasics } from './StepBasics.tsx';
import { StepTiers } from './StepTiers.tsx';
import { StepRules } from './StepRules.tsx';
import { StepWelcome } from './StepWelcome.tsx';
import { StepReview } from './StepReview.tsx';
import { PosterEditor } from './poster/PosterEditor.tsx';
import { defaultPosterTemplate } from './poster/poster-geometry.ts';
import { formPath, frozen, newCampaignValues, posterOfferOf, stepOf, STEPS, toConfig, toValues, type WizardValues } from './wizard-form.ts';

export default function CampaignWizard() {
  const { id } = useParams();
  const ws = useWorkspace();
  const existing = useApi<CampaignView>(id ? paths.campaign(ws.apiBase, id) : null);
  if (!canAct(ws.role, 'operator')) return <ForbiddenState />;
  if (id && existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <PageLoading />;
  return <Wizard key={id ?? 'new'} campaign={existing.data} />;
}

/** Loads the campaign's saved poster template, when the poster API has one. */
function useSavedPoster(apiBase: string, campaignId: number | undefined) {
  const res = useApi<{ template: PosterTemplate } | PosterTemplate>(campaignId ? paths.campaignPoster(apiBase, campaignId) : null);
  const data = res.data;
  return data ? ('template' in data ? data.template : data) : undefined;
}

function Wizard({ campaign }: { campaign: CampaignView | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<WizardValues>();
  const posterOffer = posterOfferOf(Form.useWatch('tiers', { form, preserve: true }));
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), STEPS.length - 1);
  const setStep = (n: number) => setParams((p) => { p.set('step', String(n)); return p; }, { replace: true });
  // Steps mount on first visit and stay mounted (their fields keep values and errors); rendering
  // all six at once would make opening the wizard slow.
  const [visited, setVisited] = useState<ReadonlySet<number>>(() => new Set([step]));
  const [pendingFields, setPendingFields] = useState<Array<{ name: Array<string | number>; errors: string[] }> | null>(null);
  const initial = useMemo(
    () => (campaign ? toValues(campaign.config) : newCampaignValues({ participant: t('wizard.welcome.defaults.participant'), helper: t('wizard.welcome.defaults.helper') })),
    // The defaults are taken once, in the language the wizard was opened in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [campaign],
  );
  const savedPoster = useSavedPoster(ws.apiBase, campaign?.id);
  const [poster, setPoster] = useState<PosterTemplate>(() => defaultPosterTemplate());
  const [posterTouched, setPosterTouched] = useState(false);
  const [posterErrors, setPosterErrors] = useState<Map<string, string[]>>(new Map());
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [topError, setTopError] = useState<string | null>(null);
  const [version, setVersion] = useState(campaign?.configVersion);
  const lock = frozen(campaign?.status);

  useEffect(() => {
    if (savedPoster && !posterTouched) setPoster(savedPoster);
  }, [savedPoster, posterTouched]);

  useEffect(() => {
    if (!visited.has(step)) setVisited(new Set([...visited, step]));
  }, [step, visited]);

  // Server errors are set once the steps holding their fields have mounted.
  useEffect(() => {
    if (!pendingFields) return;
    form.setFields(pendingFields as never);
    setPendingFields(null);
  }, [pendingFields, form]);

  const showErrors = (err: ApiError) => {
    const formFields: Array<{ name: Array<string | number>; errors: string[] }> = [];
    const poster = new Map<string, string[]>();
    const steps = new Set(visited);
    let firstStep: number | null = null;
    for (const f of err.fields) {
      const path = formPath(f.path);
      const text = localizeServerMessage(f.message);
      const s = STEPS.indexOf(stepOf(path));
      steps.add(s);
      firstStep = firstStep === null ? s : Math.min(firstStep, s);
      if (path[0] === 'poster') {
        const key = path.slice(1).join('.');
        poster.set(key, [...(poster.get(key) ?? []), text]);
        continue;
      }
      // An error on an item of a list (channel.staffUserIds.2) belongs to the list's field.
      const name = path[0] === 'channel' || (path[0] === 'rules' && path[1] === 'joinTagIds') ? path.slice(0, 2) : path;
      const existing = formFields.find((x) => x.name.join('.') === name.join('.'));
      if (existing) existing.errors.push(text);
      else formFields.push({ name, errors: [text] });
    }
    setVisited(steps);
    setPendingFields(formFields);
    setPosterErrors(poster);
    if (firstStep !== null) setStep(firstStep);
    setTopError(err.fields.length ? t('wizard.fixFields') : localizeServerMessage(err.message));
  };

  const savePoster = async (campaignId: number): Promise<boolean> => {
    if (!posterTouched && !savedPoster) return true;
    try {
      await api.put(paths.campaignPoster(ws.apiBase, campaignId), { template: poster });
      return true;
    } catch (err) {
      const e = err as ApiError;
      if (e.fields.length) {
        showErrors(new ApiError(e.status, e.code, e.message, e.fields.map((f) => ({ ...f, path: `poster.${f.path.replace(/^body\.(template\.)?/, '')}` }))));
        return false;
      }
      throw e;
    }
  };

  const submit = async (publish: boolean) => {
    setTopError(null);
    let values: WizardValues;
    try {
      await form.validateFields({ recursive: true });
      // Steps not visited yet have no mounted fields; their values are in the store all the same.
      values = form.getFieldsValue(true) as WizardValues;
    } catch (e) {
      const first = (e as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields?.[0];
      if (first) setStep(STEPS.indexOf(stepOf(first.name)));
      setTopError(t('wizard.fixFields'));
      return;
    }
    setBusy(publish ? 'publish' : 'save');
    try {
      const config = toConfig(values);
      const saved = campaign
        ? await api.put<CampaignView>(paths.campaign(ws.apiBase, campaign.id), config, version === undefined ? {} : { headers: { 'if-match': `"${version}"` } })
        : await api.post<CampaignView>(paths.campaigns(ws.apiBase), config);
      setVersion(saved.configVersion);
      if (!(await savePoster(saved.id))) {
        if (!campaign) navigate(`${ws.base}/campaigns/${saved.id}/edit?step=3`, { replace: true });
        return;
      }
      if (publish) {
        try {
          await api.post<CampaignView>(paths.campaignAction(ws.apiBase, saved.id, 'publish'));
        } catch (err) {
          if (!campaign) navigate(`${ws.base}/campaigns/${saved.id}/edit?step=5`, { replace: true });
          throw err;
        }
        message.success(t('wizard.published'));
        navigate(`${ws.base}/campaigns/${saved.id}`);
        return;
      }
      message.success({ content: t('wizard.saved'), key: 'wizard-saved' });
      if (!campaign) navigate(`${ws.base}/campaigns/${saved.id}/edit?step=${step}`, { replace: true });
    } catch (err) {
      const e = err as ApiError;
      if (e.code === 'conflict' && !e.fields.length) setTopError(t('wizard.versionConflict'));
      else if (e.code === 'network') setTopError(t('errors.network.title'));
      else if (e.status === 403) setTopError(t('errors.forbidden.description'));
      else showErrors(e);
    } finally {
      setBusy(null);
    }
  };

  const isDraft = !campaign || campaign.status === 'draft';
  const last = step === STEPS.length - 1;
  const next = async () => {
    const stepKey = STEPS[step];
    const names = stepKey === 'basics' ? ['name', 'startAt', 'endAt', ['channel', 'staffUserIds']] : stepKey === 'tiers' ? [['tiers']] : stepKey === 'rules' ? [['rules']] : stepKey === 'welcome' ? [['welcomeTexts']] : [];
    try {
      if (names.length) await form.validateFields(names as never, { recursive: true });
      setStep(step + 1);
    } catch {
      // The fields show what is wrong.
    }
  };

  return (
    <div className="page wizard">
      <PageHeader
        title={campaign ? t('wizard.editTitle', { name: campaign.name }) : t('wizard.newTitle')}
        subtitle={campaign ? <Space size={8}><StatusTag status={campaign.status} endReason={campaign.endReason} />{lock.targets ? t('wizard.publishedNote') : null}</Space> : t('wizard.newSubtitle')}
        back={campaign ? <Link to={`${ws.base}/campaigns/${campaign.id}`}>{t('wizard.backToDashboard')}</Link> : <Link to={`${ws.base}/campaigns`}>{t('dashboard.backToList')}</Link>}
      />
      <Steps
        current={step}
        size="small"
        className="wizard-steps"
        onChange={setStep}
        items={STEPS.map((s) => ({ title: t(`wizard.steps.${s}`) }))}
      />
      {topError ? <Alert type="error" showIcon title={topError} className="wizard-card" data-testid="wizard-error" closable={{ onClose: () => setTopError(null) }} /> : null}
      <Form<WizardValues> form={form} layout="vertical" initialValues={initial} requiredMark={false} scrollToFirstError={false} disabled={busy !== null} onValuesChange={() => setTopError(null)}>
        {visited.has(0) ? <div hidden={step !== 0}><StepBasics lock={lock} /></div> : null}
        {visited.has(1) ? <div hidden={step !== 1}><StepTiers lock={lock} /></div> : null}
        {visited.has(2) ? <div hidden={step !== 2}><StepRules /></div> : null}
        {visited.has(3) ? (
          <div hidden={step !== 3}>
            <PosterEditor value={poster} onChange={(p) => { setPoster(p); setPosterTouched(true); setPosterErrors(new Map()); }} workspaceApi={ws.apiBase} fieldErrors={posterErrors} offer={posterOffer} disabled={busy !== null} />
          </div>
        ) : null}
        {visited.has(4) ? <div hidden={step !== 4}><StepWelcome /></div> : null}
        {STEPS[step] === 'review' ? (
          <Form.Item noStyle shouldUpdate>{() => <StepReview values={form.getFieldsValue(true) as WizardValues} poster={poster} workspaceApi={ws.apiBase} />}</Form.Item>
        ) : null}
      </Form>
      <div className="save-bar wizard-bar">
        <Space>
          <Typography.Text type="secondary">{t('wizard.stepOf', { n: step + 1, total: STEPS.length, name: t(`wizard.steps.${STEPS[step]!}`) })}</Typography.Text>
          {campaign ? <Tag>{t('wizard.version', { n: version })}</Tag> : null}
        </Space>
        <Space>
          <Button disabled={step === 0} onClick={() => setStep(step - 1)}>{t('wizard.prev')}</Button>
          {!last ? <Button onClick={next}>{t('wizard.next')}</Button> : null}
          <Button type={last && !isDraft ? 'primary' : 'default'} loading={busy === 'save'} disabled={busy !== null} onClick={() => submit(false)} data-testid="wizard-save">
            {isDraft ? t('wizard.saveDraft') : t('wizard.saveChanges')}
          </Button>
          {isDraft && last ? (
            <Button type="primary" loading={busy === 'publish'} disabled={busy !== null} onClick={() => submit(true)} data-testid="wizard-publish">{t('wizard.saveAndPublish')}</Button>
          ) : null}
        </Space>
      </div>
    </div>
  );
}
