const name = prompt("Your name? ");
console.log(`Hello, ${name}!`);
for (let i = 0; i < 3; i++) console.log(i * i);
