/** 各单位对比 (being built). */
export default function Page() {
  return <h1 className="page-title">各单位对比</h1>;
}
