"""PyTorch port of convnet_numpy.py: a small CNN on 1x8x8 images.

nn.Conv2d(1, 4, 3) -> ReLU -> nn.MaxPool2d(2) -> flatten -> nn.Linear(36, 3),
F.cross_entropy (mean), torch.optim.SGD with momentum 0.9.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    conv.weight  (4, 1, 3, 3)  (cout, cin, kh, kw)  = K.transpose(3, 2, 0, 1)
                                  (NumPy K is (kh, kw, cin, cout); back: conv.weight.permute(2, 3, 1, 0))
    conv.bias    (4,)                               = bK
    fc.weight    (3, 36)                            = W.T
    fc.bias      (3,)                               = b
Both programs flatten the pooled maps in (channel, row, column) order, so the
dense weight needs only the transpose.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvNet(nn.Module):
    def __init__(self, in_channels=1, image_size=8, filters=4, kernel_size=3, classes=3, seed=None):
        super().__init__()
        if seed is not None:
            torch.manual_seed(seed)
        pooled = (image_size - kernel_size + 1) // 2
        self.conv = nn.Conv2d(in_channels, filters, kernel_size)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(filters * pooled * pooled, classes)

    def forward(self, X):
        x = self.pool(F.relu(self.conv(X)))
        return self.fc(torch.flatten(x, 1))   # logits


def make_optimizer(model, lr=0.05, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "convnet.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = ConvNet(seed=0)
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0 or step == 199:
            with torch.no_grad():
                accuracy = (model(X).argmax(dim=1) == y).float().mean().item()
            print(f"step {step:4d}  loss {loss:.4f}  accuracy {accuracy:.2f}")
