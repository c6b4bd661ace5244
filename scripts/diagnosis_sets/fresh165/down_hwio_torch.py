"""Another port of down_numpy.py: the kernels are nn.Parameters kept in the NumPy program's
(kh, kw, cin, cout) layout and the dense weight kept (in, out), so every parameter is the NumPy
array as it is; the convolutions run on permuted views. Same optimizer and schedule as
down_torch.py (decay on every parameter with more than one axis).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def hwio(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class DownsampleNetHWIO(nn.Module):
    def __init__(self, in_ch=3, c0=4, c1=6, classes=3):
        super().__init__()
        self.Ws, self.bs = hwio(3, 3, in_ch, c0), nn.Parameter(torch.zeros(c0))
        self.Wa, self.ba = hwio(3, 3, c0, c1), nn.Parameter(torch.zeros(c1))
        self.Wb, self.bb = hwio(3, 3, c1, c1), nn.Parameter(torch.zeros(c1))
        self.Wp = hwio(1, 1, c0, c1)
        self.Wd, self.bd = hwio(4 * c1, classes), nn.Parameter(torch.zeros(classes))

    @staticmethod
    def conv(x, w, b=None, stride=1, padding=1):
        return F.conv2d(x, w.permute(3, 2, 0, 1), b, stride=stride, padding=padding)

    def forward(self, x):
        h0 = F.relu(self.conv(x, self.Ws, self.bs))
        out = self.conv(F.relu(self.conv(h0, self.Wa, self.ba, stride=2)), self.Wb, self.bb)
        out = F.relu(out + self.conv(h0, self.Wp, stride=2, padding=0))
        pooled = F.avg_pool2d(out, kernel_size=2, stride=2)
        flat = pooled.permute(0, 2, 3, 1).reshape(x.shape[0], -1)
        return flat @ self.Wd + self.bd


def make_optimizer(model, lr=0.05, momentum=0.9, weight_decay=5e-3, warmup=4, T_max=26):
    groups = [{"params": [p for p in model.parameters() if p.ndim > 1], "weight_decay": weight_decay},
              {"params": [p for p in model.parameters() if p.ndim == 1], "weight_decay": 0.0}]
    optimizer = torch.optim.SGD(groups, lr=lr, momentum=momentum)
    scheduler = torch.optim.lr_scheduler.SequentialLR(
        optimizer,
        schedulers=[torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, end_factor=1.0,
                                                      total_iters=warmup),
                    torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_max, eta_min=0.0)],
        milestones=[warmup])
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(logp, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
