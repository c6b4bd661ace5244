"""FrameClassifier in PyTorch: Tensor.unfold cuts the frames, a symmetric Hann window from
torch.hann_window, two nn.Linear layers applied to every frame, F.cross_entropy over all frames."""

import torch
import torch.nn.functional as F
from torch import nn

FRAME, HOP, HID, N_CLS, LR = 8, 4, 6, 2, 0.5
WINDOW = torch.hann_window(FRAME, periodic=False, dtype=torch.float64)


class FrameClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(FRAME, HID)
        self.fc2 = nn.Linear(HID, N_CLS)

    def forward(self, x):
        frames = x.unfold(1, FRAME, HOP) * WINDOW.to(x.dtype)     # (n, nf, FRAME)
        return self.fc2(torch.tanh(self.fc1(frames)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, N_CLS), y.argmax(dim=-1).reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()
