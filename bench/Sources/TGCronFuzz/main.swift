print("tgcron fuzz: not yet")
