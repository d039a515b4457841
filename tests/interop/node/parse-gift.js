// Parse GIFT from standard input with gift-pegjs and print the questions as JSON (exit 1 on a syntax error).
const { parse } = require("gift-pegjs");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: error.message, line: error.location && error.location.start.line }));
    process.exitCode = 1;
  }
});
