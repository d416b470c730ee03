name = input("Your name? ")
print("Hello, " + name + "!")
for i in range(3):
    print(i * i)
