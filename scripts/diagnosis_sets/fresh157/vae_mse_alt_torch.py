"""The beta-VAE port of vae_mse_torch.py written another way (a correct variant).

Raw nn.Parameters kept (in, out) and applied with einsum, mu and logvar sliced out of the encoder
head, ReLU as clamp(min=0), the sigmoid from torch.special.expit, the squared error and the KL
summed by hand, the loss built as (sum over everything) / N.
"""

import torch
import torch.nn as nn


class BetaVAEAlt(nn.Module):
    def __init__(self, n_in=10, n_hidden=12, n_latent=2, beta=0.5):
        super().__init__()
        self.beta = beta
        self.n_latent = n_latent
        shapes = {"w_in": (n_in, n_hidden), "b_in": (n_hidden,),
                  "w_head": (n_hidden, 2 * n_latent), "b_head": (2 * n_latent,),
                  "w_up": (n_latent, n_hidden), "b_up": (n_hidden,),
                  "w_out": (n_hidden, n_in), "b_out": (n_in,)}
        for name, shape in shapes.items():
            self.register_parameter(name, nn.Parameter(0.1 * torch.randn(shape)))

    def forward(self, x, eps):
        h = torch.tanh(torch.einsum("ni,ih->nh", x, self.w_in) + self.b_in)
        head = torch.einsum("nh,hk->nk", h, self.w_head) + self.b_head
        mu, logvar = head[:, :self.n_latent], head[:, self.n_latent:]
        z = torch.addcmul(mu, torch.exp(logvar / 2), eps)
        u = (torch.einsum("nk,kh->nh", z, self.w_up) + self.b_up).clamp(min=0)
        return torch.special.expit(torch.einsum("nh,hi->ni", u, self.w_out) + self.b_out), mu, logvar


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=2e-3, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    x_hat, mu, logvar = model(X, y)
    sq_err = (x_hat - X).square().sum()
    kl = 0.5 * (mu.square() + logvar.exp() - logvar - 1).sum()
    loss = (sq_err + model.beta * kl) / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
