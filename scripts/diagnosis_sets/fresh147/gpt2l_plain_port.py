"""PyTorch port of gpt2l_numpy.py on plain tensors, with the AdamW update written by hand.

The parameters are an nn.ParameterDict keyed like the NumPy program's dict and
kept in its (in, out) layout (x @ W + b); the forward uses F.embedding,
F.layer_norm, an einsum attention with a causal mask, F.relu and
F.cross_entropy. Autograd gives the gradients; the update is torch's AdamW
written out under torch.no_grad(), its moments kept as buffers.

Step with:  --torch-step "train_step(model, X, y)"
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class PlainGPT(nn.Module):
    def __init__(self, vocab_size=16, block_size=8, n_embd=16, n_head=4, n_layer=2,
                 lr=3e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05):
        super().__init__()
        d, V = n_embd, vocab_size
        self.n_head, self.n_layer, self.d = n_head, n_layer, d
        shapes = {"wte": (V, d), "wpe": (block_size, d)}
        for l in range(n_layer):
            shapes.update({f"h{l}_ln1_g": (d,), f"h{l}_ln1_b": (d,), f"h{l}_Wq": (d, d),
                           f"h{l}_Wk": (d, d), f"h{l}_Wv": (d, d), f"h{l}_Wo": (d, d),
                           f"h{l}_bo": (d,), f"h{l}_ln2_g": (d,), f"h{l}_ln2_b": (d,),
                           f"h{l}_W1": (d, 4 * d), f"h{l}_b1": (4 * d,),
                           f"h{l}_W2": (4 * d, d), f"h{l}_b2": (d,)})
        shapes.update({"lnf_g": (d,), "lnf_b": (d,), "Wout": (d, V), "bout": (V,)})
        self.params = nn.ParameterDict({k: nn.Parameter(torch.randn(s) * 0.1) for k, s in shapes.items()})
        for k, p in self.params.items():
            self.register_buffer("m_" + k, torch.zeros_like(p))
            self.register_buffer("v_" + k, torch.zeros_like(p))
        self.lr, self.betas, self.eps, self.wd = lr, betas, eps, weight_decay
        self.t = 0

    def forward(self, idx):
        P, H, d = self.params, self.n_head, self.d
        B, T = idx.shape
        hs = d // H
        x = F.embedding(idx, P["wte"]) + P["wpe"][:T]
        causal = torch.ones(T, T, dtype=torch.bool, device=idx.device).tril()
        for l in range(self.n_layer):
            a = F.layer_norm(x, (d,), P[f"h{l}_ln1_g"], P[f"h{l}_ln1_b"], eps=1e-5)
            q = (a @ P[f"h{l}_Wq"]).view(B, T, H, hs)
            k = (a @ P[f"h{l}_Wk"]).view(B, T, H, hs)
            v = (a @ P[f"h{l}_Wv"]).view(B, T, H, hs)
            s = torch.einsum("bthe,bshe->bhts", q, k) / math.sqrt(hs)
            s = s.masked_fill(~causal, float("-inf"))
            att = s.softmax(dim=-1)
            y = torch.einsum("bhts,bshe->bthe", att, v).reshape(B, T, d)
            x = x + y @ P[f"h{l}_Wo"] + P[f"h{l}_bo"]
            b = F.layer_norm(x, (d,), P[f"h{l}_ln2_g"], P[f"h{l}_ln2_b"], eps=1e-5)
            x = x + F.relu(b @ P[f"h{l}_W1"] + P[f"h{l}_b1"]) @ P[f"h{l}_W2"] + P[f"h{l}_b2"]
        hf = F.layer_norm(x, (d,), P["lnf_g"], P["lnf_b"], eps=1e-5)
        return hf @ P["Wout"] + P["bout"]

    @torch.no_grad()
    def adamw_step(self):
        self.t += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k, p in self.params.items():
            m, v = getattr(self, "m_" + k), getattr(self, "v_" + k)
            p.mul_(1 - self.lr * self.wd)
            m.lerp_(p.grad, 1 - b1)
            v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            denom = (v.sqrt() / math.sqrt(bc2)).add_(self.eps)
            p.addcdiv_(m, denom, value=-self.lr / bc1)


def train_step(model, X, y):
    for p in model.parameters():
        p.grad = None
    logits = model(X)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
    loss.backward()
    model.adamw_step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    torch.manual_seed(0)
    model = PlainGPT()
    for it in range(200):
        loss = train_step(model, X, y)
        if it % 20 == 0:
            print(it, round(loss, 4))
