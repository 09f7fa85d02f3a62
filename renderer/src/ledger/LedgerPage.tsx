/** 任务台账 (being built). */
export default function Page() {
  return <h1 className="page-title">任务台账</h1>;
}
