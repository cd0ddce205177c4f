// A checkout component whose helpers call the API.

import { useEffect, useState } from 'react';
import axios from 'axios';

async function loadCart(id: string) {
  const { data } = await axios.get(`/api/carts/${id}`);
  return data;
}

async function loadShippingOptions(country: string) {
  const res = await fetch(`/api/shipping?country=${country}`);
  return res.json();
}

function validateCoupon(code: string) {
  return Promise.resolve(/^[A-Z0-9]{6}$/.test(code));
}

export function Checkout({ cartId, country, coupon }: { cartId: string; country: string; coupon: string }) {
  const [state, setState] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([loadCart(cartId), loadShippingOptions(country)]).then(setState); // expect: prefer-partial-availability
  }, [cartId, country]);

  useEffect(() => {
    // Compare local shipping with the US fallback.
    Promise.all([loadShippingOptions(country), loadShippingOptions('US')]).then(console.log); // expect: prefer-partial-availability
  }, [country]);

  useEffect(() => {
    Promise.all([validateCoupon(coupon), validateCoupon(coupon.toUpperCase())]).then(console.log); // ok
  }, [coupon]);

  return <pre>{JSON.stringify(state)}</pre>;
}
