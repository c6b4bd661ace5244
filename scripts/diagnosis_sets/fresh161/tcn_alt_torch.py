"""Another PyTorch port of tcn_numpy.py (a correct variant): the convolutions by hand.

The kernels and the dense layer are the module's own nn.Parameters; each convolution pads
with F.pad, cuts the windows with Tensor.unfold (taking every dilation-th entry of a
window) and contracts them with torch.einsum. Max-pooling is a view into pairs and
.max(-1). The schedule is MultiStepLR at steps 5, 10 and 15 with gamma 0.5, the same
rates as StepLR(step_size=5, gamma=0.5) over 20 steps.

    w1 (8, 3, 5) = W1, b1 = b1, w2 (12, 8, 3) = W2, b2 = b2, head (3, 12) = W3.T, head_bias = b3
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv1d(x, w, b, stride=1, padding=0, dilation=1):
    k = w.shape[-1]
    span = dilation * (k - 1) + 1
    windows = F.pad(x, (padding, padding)).unfold(2, span, stride)[..., ::dilation]  # (N, C, Lout, k)
    return torch.einsum("nctk,ock->not", windows, w) + b[None, :, None]


class TSConvHand(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(8, 3, 5) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(8))
        self.w2 = nn.Parameter(torch.randn(12, 8, 3) * 0.3)
        self.b2 = nn.Parameter(torch.zeros(12))
        self.head = nn.Parameter(torch.randn(3, 12) * 0.3)
        self.head_bias = nn.Parameter(torch.zeros(3))

    def forward(self, x):
        h = torch.relu(conv1d(x, self.w1, self.b1, stride=2, padding=2))
        n, c, length = h.shape
        h = h.view(n, c, length // 2, 2).max(dim=-1).values
        h = F.leaky_relu(conv1d(h, self.w2, self.b2, padding=2, dilation=2), 0.1)
        return F.linear(h.mean(-1), self.head, self.head_bias)


def make_optimizer(model):
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[5, 10, 15], gamma=0.5)
    return opt, sched


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.nll_loss(F.log_softmax(logits, dim=1), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return float(loss.detach())
