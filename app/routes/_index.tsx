export default function Home() {
  return <h1 className="text-brand">ASHTECH STORE</h1>;
}
