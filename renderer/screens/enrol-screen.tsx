import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listWarehouses, type WarehouseOption } from '../auth/session-service';
import { enrolDevice } from '../services/auth-actions';
import { useServices } from '../services/services-context';
import { useSession } from '../stores/session-store';

export function EnrolScreen() {
  const { t } = useTranslation();
  const services = useServices();
  const { enrolment, busy, error } = useSession();
  const [warehouses, setWarehouses] = useState<WarehouseOption[]>([]);
  const [warehouseId, setWarehouseId] = useState('');
  const [name, setName] = useState(() => `Scanner ${Math.random().toString(36).slice(2, 6).toUpperCase()}`);

  useEffect(() => {
    if (!enrolment) return;
    const allowed = enrolment.user.warehouseIds;
    listWarehouses(enrolment.token)
      .then((all) => {
        const mine = allowed === null ? all : all.filter((w) => allowed.includes(w.id));
        setWarehouses(mine);
        setWarehouseId((id) => id || (mine[0]?.id ?? ''));
      })
      .catch((err: unknown) => useSession.setState({ error: { key: 'login.errors.other', message: err instanceof Error ? err.message : String(err) } }));
  }, [enrolment]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wh = warehouses.find((w) => w.id === warehouseId);
    if (wh) void enrolDevice(services, wh, name.trim());
  };

  return (
    <main className="app-main">
      <form className="panel login" onSubmit={submit}>
        <h1>{t('enrol.title')}</h1>
        <p className="muted">{t('enrol.intro')}</p>
        <label className="field">
          {t('enrol.warehouse')}
          <select name="warehouse" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} required>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('enrol.name')}
          <input name="device-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        {error && <p className="error" role="alert">{t(error.key, { message: error.message ?? '' })}</p>}
        <button className="btn" type="submit" disabled={busy || !warehouseId}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
      </form>
    </main>
  );
}
