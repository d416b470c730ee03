/**
 * The texts of the error explanations (see explain.ts for how an error gets one). English and
 * Simplified Chinese have the same keys; a unit test checks it. Code in the texts is written as
 * the learner would type it.
 */

export interface ExplanationCatalog {
  python: Record<string, string>;
  javascript: Record<string, string>;
  common: Record<string, string>;
}

export const EXPLANATIONS_EN = {
  python: {
    SyntaxError:
      'Python could not read this line: something about how it is written is off, such as a missing colon, a bracket or quote that is never closed, or = where == was meant. Look at the marked line and the line just before it.',
    'SyntaxError-colon':
      'A line that starts a block (if, elif, else, for, while, def, class) must end with a colon :.',
    'SyntaxError-unclosed':
      'A bracket or quotation mark opened here is never closed. Add the matching ), ], } or quote.',
    IndentationError:
      'The spaces at the start of a line are not right. The lines inside an if, for, while or def must all be indented by the same amount (usually 4 spaces), and other lines must not be indented.',
    NameError:
      'Python does not know this name. Check the spelling (capital letters count), and make sure the variable gets a value, or the function is defined, before this line runs. Text needs quotes around it.',
    UnboundLocalError:
      'This function assigns to the variable, so Python treats it as the function’s own (local) variable, but here it is used before it has a value. Give it a value first inside the function, or pass it in as a parameter.',
    TypeError:
      'An operation got a value of the wrong type, such as adding a number to text, or calling something that is not a function. Check the types of the values on the marked line; str() and int() convert between text and numbers.',
    'TypeError-concatenate':
      'You are joining text and a number with +. Turn the number into text with str(n), or use an f-string: f"Total: {n}".',
    'TypeError-arguments':
      'The function was called with a different number of arguments than its def line has parameters. Compare the call with the def line.',
    'TypeError-notCallable':
      'Round brackets after a value call it like a function, but this value is not a function. Did a variable take a function’s name, like list or sum?',
    AttributeError:
      'This value has no attribute or method with that name. Check the spelling, and what kind of value it is: a list has append, text has upper, and so on.',
    'AttributeError-none':
      'The value is None. That usually means a function ended without return, or a method such as list.sort() changed the list and returned nothing.',
    IndexError:
      'The position is outside the list or text. Positions start at 0, so the last item of a list of length n is at position n - 1.',
    KeyError:
      'The dictionary has no such key. Check the spelling and capital letters, or check first with key in d, or use d.get(key).',
    ValueError:
      'The value has the right type but content that cannot be used, for example int("abc"), or unpacking a list into the wrong number of variables.',
    ZeroDivisionError:
      'The code divides by zero (with /, // or %). Check the value you divide by, and handle zero before dividing.',
    RecursionError:
      'A function kept calling itself and never stopped. A recursive function needs a base case that returns without calling itself, and every call must come closer to it.',
    ModuleNotFoundError:
      'There is no module with this name here. Check the spelling. Only Python’s standard library and your own exercise file can be imported, and packages cannot be installed.',
    ImportError:
      'The module exists but has nothing with that name. Check the spelling of the name after import, and that it is defined in that file.',
    EOFError:
      'input() was called, but there was no more input to read. Check how many times the program asks for input.',
    FileNotFoundError:
      'There is no file at that path. Programs here can only open files they created themselves while running.',
    AssertionError: 'An assert statement found that its condition was false.',
    OverflowError:
      'A number became too large to handle. Check for a calculation that grows very fast, such as a power inside a loop.',
    SystemExit:
      'The program called exit() or sys.exit() with an error code, which ends it early. Let the program reach its end instead.',
  },
  javascript: {
    SyntaxError:
      'JavaScript could not read this line. Check for a missing or extra bracket ), } or ], a quote that is never closed, or a missing comma between items.',
    ReferenceError:
      'JavaScript does not know this name. Check the spelling (capital letters count), and that the variable is declared with let or const, or the function defined, where this code can see it.',
    TypeError:
      'A value was used in a way its type does not allow. Check what the values on the marked line really are; console.log() helps.',
    'TypeError-undefinedProperty':
      'The code reads a property of undefined or null: the value before the dot does not exist. Often a function forgot to return, or an array position is past the end.',
    'TypeError-notFunction':
      'The code calls something that is not a function. Check the spelling of the function or method name, and what kind of value it is called on.',
    'TypeError-constant':
      'A variable declared with const cannot be given a new value. Declare it with let if it needs to change.',
    'TypeError-builtin':
      'Built-in objects such as Object.prototype, Array.prototype and expect are read-only here, so your code cannot change how the tests work. Change your own objects instead.',
    RangeError:
      'A value is outside the range allowed, for example a negative array length or too many digits for toFixed().',
    'RangeError-stack':
      'A function kept calling itself and never stopped. A recursive function needs a base case that returns without calling itself, and every call must come closer to it.',
    ModuleNeverFinished:
      'The code waits with await for a promise that never settles, so it never finished and the tests could not all run. Check that every promise you await calls resolve() or reject() in the end.',
    TypeScript:
      'TypeScript checks the types of your values before the code runs, and here a value does not fit the type the code gives it. No test runs until the types agree: read the message, look at the line it names, and make the value and its type match.',
    TypeScriptSuppressed:
      'A comment such as // @ts-ignore tells TypeScript not to check a line. A Check reads the types as they are, so it does not accept one: take the comment out, read the error it was hiding, and fix the type.',
    TypeScriptSlow:
      'TypeScript took too long to check the types of this code, or gave up on it, so the tests did not run. Simplify the types you wrote (very deep or self-referring types are slow to check) or the code nested very deep, and Check again.',
  },
  common: {
    Timeout:
      'The program ran longer than its time limit and was stopped. Usually a loop’s condition never becomes false: check that something inside the loop changes it.',
    MemoryError:
      'The program needed more memory than it is allowed. Often a list or text keeps growing inside a loop that never ends.',
    HarnessTampering:
      'Your code changed the testing tools, so the results could not be trusted. Remove that code; tests only count when they run unchanged.',
    RunnerCrashed:
      'The runner stopped unexpectedly and has been restarted. Run the code again; if it keeps happening, the program may be using too much memory.',
  },
} satisfies ExplanationCatalog;

export const EXPLANATIONS_ZH = {
  python: {
    SyntaxError:
      'Python 读不懂这一行：写法上有问题，比如少了冒号、括号或引号没有配对，或者把 == 写成了 =。请检查标出的这一行和它的上一行。',
    'SyntaxError-colon': '开始一个代码块的行（if、elif、else、for、while、def、class）末尾必须有冒号 :。',
    'SyntaxError-unclosed': '这里打开的括号或引号没有闭合。请补上对应的 )、]、} 或引号。',
    IndentationError:
      '行首的空格不对。if、for、while 或 def 里面的每一行都要缩进相同的距离（通常是 4 个空格），其他行则不能缩进。',
    NameError:
      'Python 不认识这个名字。请检查拼写（大小写也算），并确认变量在这一行运行之前已经赋值、函数已经定义。文字要用引号括起来。',
    UnboundLocalError:
      '这个函数里给该变量赋过值，所以 Python 把它当作函数自己的局部变量，可是在这里它还没有值就被使用了。请先在函数里给它赋值，或者把它作为参数传进来。',
    TypeError:
      '某个操作拿到了类型不对的值，比如把数字和文字相加，或者调用了不是函数的东西。请检查标出的这一行里各个值的类型；str() 和 int() 可以在文字和数字之间转换。',
    'TypeError-concatenate':
      '你在用 + 把文字和数字连在一起。请用 str(n) 把数字变成文字，或者使用 f-string：f"Total: {n}"。',
    'TypeError-arguments':
      '调用函数时给出的参数个数和 def 行里的参数个数不一样。请对照一下调用的地方和 def 那一行。',
    'TypeError-notCallable':
      '值后面加圆括号表示把它当作函数来调用，但这个值不是函数。是不是有变量占用了函数的名字，比如 list 或 sum？',
    AttributeError:
      '这个值没有这个名字的属性或方法。请检查拼写，也想一想它是什么类型的值：列表有 append，字符串有 upper，等等。',
    'AttributeError-none':
      '这个值是 None。通常是因为某个函数没有写 return 就结束了，或者像 list.sort() 这样的方法直接修改了列表，并不返回结果。',
    IndexError: '位置超出了列表或字符串的范围。位置从 0 开始，所以长度为 n 的列表，最后一项的位置是 n - 1。',
    KeyError: '字典里没有这个键。请检查拼写和大小写，或者先用 key in d 检查，也可以用 d.get(key)。',
    ValueError: '值的类型是对的，但内容不能用，比如 int("abc")，或者把列表拆开赋值给个数不对的变量。',
    ZeroDivisionError: '代码中出现了除以零（/、// 或 %）。请检查除数的值，在做除法之前先处理它为零的情况。',
    RecursionError:
      '函数一直在调用自己，停不下来。递归函数需要一个不再调用自己、直接返回的基本情况，而且每次调用都要离它更近一步。',
    ModuleNotFoundError:
      '这里没有这个名字的模块。请检查拼写。这里只能导入 Python 标准库和你自己的练习文件，也不能安装第三方包。',
    ImportError:
      '模块存在，但里面没有这个名字。请检查 import 后面那个名字的拼写，并确认它确实在那个文件中定义了。',
    EOFError: '程序调用了 input()，但已经没有可以读取的输入了。请检查程序一共要求输入了几次。',
    FileNotFoundError: '这个路径下没有文件。这里的程序只能打开它在运行时自己创建的文件。',
    AssertionError: 'assert 语句发现它检查的条件不成立。',
    OverflowError: '数字变得太大，无法处理。请检查是否有增长得非常快的计算，比如循环里的乘方。',
    SystemExit: '程序调用了 exit() 或 sys.exit() 并给出了错误码，因此提前结束了。请让程序正常运行到最后。',
  },
  javascript: {
    SyntaxError:
      'JavaScript 读不懂这一行。请检查是否少了或多了括号 )、} 或 ]，引号是否没有闭合，或者各项之间是否少了逗号。',
    ReferenceError:
      'JavaScript 不认识这个名字。请检查拼写（大小写也算），并确认变量已经用 let 或 const 声明、函数已经定义，而且这段代码能访问到它们。',
    TypeError:
      '某个值的用法和它的类型不符。请看看标出的这一行里各个值到底是什么；console.log() 可以帮你查看。',
    'TypeError-undefinedProperty':
      '代码在读取 undefined 或 null 的属性：点号前面的值并不存在。常见原因是函数忘了 return，或者数组的位置超出了末尾。',
    'TypeError-notFunction':
      '代码调用了一个不是函数的东西。请检查函数名或方法名的拼写，以及它是在什么类型的值上调用的。',
    'TypeError-constant': '用 const 声明的变量不能重新赋值。如果它需要改变，请改用 let 声明。',
    'TypeError-builtin':
      '在这里，Object.prototype、Array.prototype 和 expect 等内置对象都是只读的，所以你的代码无法改变测试的运行方式。请修改你自己的对象。',
    RangeError: '某个值超出了允许的范围，比如数组长度是负数，或者 toFixed() 的位数太多。',
    'RangeError-stack':
      '函数一直在调用自己，停不下来。递归函数需要一个不再调用自己、直接返回的基本情况，而且每次调用都要离它更近一步。',
    ModuleNeverFinished:
      '代码用 await 等待一个永远不会完成的 Promise，所以它一直没有结束，测试也没能全部运行。请检查你等待的每个 Promise 最后都会调用 resolve() 或 reject()。',
    TypeScript:
      'TypeScript 会在代码运行之前检查每个值的类型，而这里有一个值和代码给它声明的类型对不上。类型一致之前不会运行任何测试：读一读错误信息，看看它指出的那一行，让值和类型相符。',
    TypeScriptSuppressed:
      '像 // @ts-ignore 这样的注释会让 TypeScript 跳过对某一行的检查。“检查”要按类型的本来面目来判断，所以不接受这种注释：请删掉注释，读一读它掩盖的错误，然后改正类型。',
    TypeScriptSlow:
      'TypeScript 检查这段代码的类型用时太长，或者放弃了检查，所以测试没有运行。请简化你写的类型（非常深或引用自身的类型检查起来很慢）或嵌套得很深的代码，然后再检查一次。',
  },
  common: {
    Timeout:
      '程序运行超过了时间限制，已被停止。通常是循环的条件永远不会变为假：请检查循环里有没有改变这个条件的代码。',
    MemoryError: '程序需要的内存超过了允许的上限。常见原因是列表或字符串在一个停不下来的循环里不断变大。',
    HarnessTampering:
      '你的代码修改了测试工具，所以结果不可信。请删掉那段代码；只有在测试原样运行时，结果才算数。',
    RunnerCrashed: '运行环境意外停止，已经重新启动。请再运行一次；如果反复出现，可能是程序占用了太多内存。',
  },
} satisfies ExplanationCatalog;
