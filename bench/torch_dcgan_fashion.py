"""Reference run: the DCGAN of ../shared/bench/torch_gan_step.py trained by PyTorch on Fashion-MNIST, for comparing sample quality.

Usage: /usr/bin/python3 bench/torch_dcgan_fashion.py EPOCHS OUT_PREFIX [SEED (default 42)]   (threads: $TORCH_THREADS, default 2)
Writes OUT_PREFIX-grid.png-like raw grid as .pgm and OUT_PREFIX-samples.idx (10000 generated images, u8 IDX) for
`gandsl evaluate --images`. Same settings as GanDsl's dcgan example: AdamW lr 2e-4, betas (0.5, 0.999), weight decay 1e-5,
BCE, batch 32 (the dcgan example's), DCGAN init N(0, 0.02), BN weights N(1, 0.02), D loss = (real + fake) / 2, drop_last.
"""
import gzip, struct, sys, runpy, os
import numpy as np
import torch
from torch import nn, optim

peer = runpy.run_path(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench", "torch_gan_step.py"), run_name="peer")
DcG, DcD = peer["DcG"], peer["DcD"]

def idx_images(path):
    with gzip.open(path, "rb") as f:
        _, n, h, w = struct.unpack(">IIII", f.read(16))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(n, 1, h, w)

def init(m):
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None: nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.normal_(m.weight, 1.0, 0.02); nn.init.zeros_(m.bias)

def main():
    epochs, prefix = int(sys.argv[1]), sys.argv[2]
    torch.manual_seed(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "2")))
    x = torch.from_numpy(idx_images("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz").astype(np.float32) / 127.5 - 1)
    G, D = DcG(), DcD()
    G.apply(init); D.apply(init)
    oG = optim.AdamW(G.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    oD = optim.AdamW(D.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    crit = nn.BCELoss()
    b = 32
    for epoch in range(epochs):
        perm = torch.randperm(len(x))
        for i in range(len(x) // b):
            real = x[perm[i * b:(i + 1) * b]]
            ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)
            fake = G(torch.randn(b, 128))
            lD = (crit(D(real), ones) + crit(D(fake.detach()), zeros)) / 2
            oD.zero_grad(); lD.backward(); oD.step()
            lG = crit(D(fake), ones)
            oG.zero_grad(); lG.backward(); oG.step()
            if i % 100 == 0: print(f"epoch {epoch + 1} step {i} D {lD.item():.3f} G {lG.item():.3f}", flush=True)
    G.eval()
    with torch.no_grad():
        samples = torch.cat([G(torch.randn(500, 128)) for _ in range(20)])
    u8 = ((samples.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).numpy().reshape(-1, 28, 28)
    with open(prefix + "-samples.idx", "wb") as f:
        f.write(struct.pack(">IIII", 2051, len(u8), 28, 28)); f.write(u8.tobytes())
    grid = np.zeros((8 * 30, 8 * 30), dtype=np.uint8)
    for k in range(64):
        r, c = divmod(k, 8)
        grid[r * 30 + 2:r * 30 + 30, c * 30 + 2:c * 30 + 30] = u8[k]
    with open(prefix + "-grid.pgm", "wb") as f:
        f.write(b"P5 240 240 255\n"); f.write(grid.tobytes())

if __name__ == "__main__":
    main()
