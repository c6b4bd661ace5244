"""The strided tone classifier in PyTorch without nn.Conv1d: raw nn.Parameters, the convolution as
Tensor.unfold over time (size K, step STRIDE) and an einsum with the (out, in, taps) kernel, the
head through F.linear, the loss as log_softmax and a sum over the one-hot targets divided by the
batch size, zero_grad(set_to_none=True)."""

import torch
import torch.nn.functional as F
from torch import nn

C_IN, N_F, K, STRIDE, N_CLS, LR = 2, 4, 5, 2, 3, 0.5


class UnfoldConvClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(N_F, C_IN, K))
        self.kernel_bias = nn.Parameter(torch.empty(N_F))
        self.head = nn.Parameter(torch.empty(N_CLS, N_F))
        self.head_bias = nn.Parameter(torch.zeros(N_CLS))

    def forward(self, x):
        win = x.unfold(2, K, STRIDE)                                     # (n, C, T_out, K)
        z = torch.einsum("nctk,fck->nft", win, self.kernel) + self.kernel_bias[:, None]
        return F.linear(F.relu(z).mean(dim=2), self.head, self.head_bias)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=1)
    loss = -(y * logp).sum() / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
