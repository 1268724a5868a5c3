"""The PyTorch eager reference for `jobs/bench-reference`: the same training steps that
`mood-nas bench search-step` and `bench eval-step` time, written the way PC-DARTS's published
code runs them, timed the same way (median of the measured steps after warm-up, images/s, the
process's peak RSS). Prints one JSON line.

  python3 pytorch_steps.py search-step --threads 2 --init-channels 16 --layers 8 --batch-size 64
  python3 pytorch_steps.py eval-step --threads 2 --genotype '{"normal": …}' --auxiliary …

Run with Debian's python3-torch (jobs/bench-reference installs it).
"""

import argparse
import json
import resource
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SEARCH_SPACE = [
    "none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
    "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
]


class ReLUConvBN(nn.Sequential):
    def __init__(self, c_in, c_out, k, stride, pad, affine):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_out, k, stride, pad, bias=False),
            nn.BatchNorm2d(c_out, affine=affine))


class DilConv(nn.Sequential):
    def __init__(self, c_in, c_out, k, stride, pad, dilation, affine):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_in, k, stride, pad, dilation=dilation, groups=c_in, bias=False),
            nn.Conv2d(c_in, c_out, 1, bias=False),
            nn.BatchNorm2d(c_out, affine=affine))


class SepConv(nn.Sequential):
    def __init__(self, c_in, c_out, k, stride, pad, affine):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_in, k, stride, pad, groups=c_in, bias=False),
            nn.Conv2d(c_in, c_in, 1, bias=False),
            nn.BatchNorm2d(c_in, affine=affine),
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_in, k, 1, pad, groups=c_in, bias=False),
            nn.Conv2d(c_in, c_out, 1, bias=False),
            nn.BatchNorm2d(c_out, affine=affine))


class Zero(nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        return x.mul(0.0) if self.stride == 1 else x[:, :, ::self.stride, ::self.stride].mul(0.0)


class FactorizedReduce(nn.Module):
    def __init__(self, c_in, c_out, affine):
        super().__init__()
        self.relu = nn.ReLU(inplace=False)
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.bn = nn.BatchNorm2d(c_out, affine=affine)

    def forward(self, x):
        x = self.relu(x)
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(x[:, :, 1:, 1:])], dim=1))


def operation(name, c, stride, affine):
    if name == "none":
        return Zero(stride)
    if name == "avg_pool_3x3":
        return nn.AvgPool2d(3, stride=stride, padding=1, count_include_pad=False)
    if name == "max_pool_3x3":
        return nn.MaxPool2d(3, stride=stride, padding=1)
    if name == "skip_connect":
        return nn.Identity() if stride == 1 else FactorizedReduce(c, c, affine)
    if name == "sep_conv_3x3":
        return SepConv(c, c, 3, stride, 1, affine)
    if name == "sep_conv_5x5":
        return SepConv(c, c, 5, stride, 2, affine)
    if name == "sep_conv_7x7":
        return SepConv(c, c, 7, stride, 3, affine)
    if name == "dil_conv_3x3":
        return DilConv(c, c, 3, stride, 2, 2, affine)
    if name == "dil_conv_5x5":
        return DilConv(c, c, 5, stride, 4, 2, affine)
    if name == "conv_7x1_1x7":
        return nn.Sequential(
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, (1, 7), stride=(1, stride), padding=(0, 3), bias=False),
            nn.Conv2d(c, c, (7, 1), stride=(stride, 1), padding=(3, 0), bias=False),
            nn.BatchNorm2d(c, affine=affine))
    raise ValueError(name)


def channel_shuffle(x, groups):
    n, c, h, w = x.shape
    return x.view(n, groups, c // groups, h, w).transpose(1, 2).contiguous().view(n, c, h, w)


# --- the PC-DARTS supernet -------------------------------------------------------------------

class MixedOp(nn.Module):
    K = 4  # partial channels

    def __init__(self, c, stride):
        super().__init__()
        self.pool = nn.MaxPool2d(2, 2)
        self.ops = nn.ModuleList()
        for name in SEARCH_SPACE:
            op = operation(name, c // self.K, stride, False)
            if "pool" in name:
                op = nn.Sequential(op, nn.BatchNorm2d(c // self.K, affine=False))
            self.ops.append(op)

    def forward(self, x, weights):
        part = x.shape[1] // self.K
        active, passive = x[:, :part], x[:, part:]
        mixed = sum(w * op(active) for w, op in zip(weights, self.ops))
        if mixed.shape[2] != x.shape[2]:
            passive = self.pool(passive)
        return channel_shuffle(torch.cat([mixed, passive], dim=1), self.K)


class SearchCell(nn.Module):
    def __init__(self, steps, multiplier, c_pp, c_p, c, reduction, reduction_prev):
        super().__init__()
        self.reduction = reduction
        self.steps = steps
        self.multiplier = multiplier
        self.pre0 = (FactorizedReduce(c_pp, c, False) if reduction_prev
                     else ReLUConvBN(c_pp, c, 1, 1, 0, False))
        self.pre1 = ReLUConvBN(c_p, c, 1, 1, 0, False)
        self.ops = nn.ModuleList(
            MixedOp(c, 2 if reduction and j < 2 else 1)
            for i in range(steps) for j in range(2 + i))

    def forward(self, s0, s1, alphas, betas):
        states = [self.pre0(s0), self.pre1(s1)]
        offset = 0
        for _ in range(self.steps):
            s = sum(betas[offset + j] * self.ops[offset + j](h, alphas[offset + j])
                    for j, h in enumerate(states))
            offset += len(states)
            states.append(s)
        return torch.cat(states[-self.multiplier:], dim=1)


class SearchNetwork(nn.Module):
    def __init__(self, c, classes, layers, in_channels, steps=4, multiplier=4):
        super().__init__()
        c_curr = 3 * c
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, c_curr, 3, padding=1, bias=False), nn.BatchNorm2d(c_curr))
        c_pp, c_p, c_curr = c_curr, c_curr, c
        self.cells = nn.ModuleList()
        reduction_prev = False
        for i in range(layers):
            # model_search.py reduces only from 5 layers on, as our CIFAR supernet does.
            reduction = layers >= 5 and i in (layers // 3, 2 * layers // 3)
            if reduction:
                c_curr *= 2
            self.cells.append(
                SearchCell(steps, multiplier, c_pp, c_p, c_curr, reduction, reduction_prev))
            reduction_prev = reduction
            c_pp, c_p = c_p, multiplier * c_curr
        self.classifier = nn.Linear(c_p, classes)
        edges = sum(2 + i for i in range(steps))
        self.steps = steps
        self.alphas = [torch.nn.Parameter(1e-3 * torch.randn(edges, len(SEARCH_SPACE)))
                       for _ in range(2)]  # normal, reduce
        self.betas = [torch.nn.Parameter(1e-3 * torch.randn(edges)) for _ in range(2)]

    def arch_parameters(self):
        return self.alphas + self.betas

    def _betas(self, b):
        parts, start, n = [F.softmax(b[0:2], dim=-1)], 2, 3
        for _ in range(self.steps - 1):
            parts.append(F.softmax(b[start:start + n], dim=-1))
            start, n = start + n, n + 1
        return torch.cat(parts, dim=0)

    def forward(self, x):
        s0 = s1 = self.stem(x)
        for cell in self.cells:
            k = 1 if cell.reduction else 0
            alphas = F.softmax(self.alphas[k], dim=-1)
            s0, s1 = s1, cell(s0, s1, alphas, self._betas(self.betas[k]))
        return self.classifier(F.adaptive_avg_pool2d(s1, 1).flatten(1))


# --- the evaluation network -----------------------------------------------------------------

def drop_path(x, p):
    if p > 0.0:
        keep = 1.0 - p
        mask = torch.bernoulli(torch.full((x.size(0), 1, 1, 1), keep))
        x = x.div(keep).mul(mask)
    return x


class Cell(nn.Module):
    def __init__(self, genotype, c_pp, c_p, c, reduction, reduction_prev):
        super().__init__()
        self.pre0 = (FactorizedReduce(c_pp, c, True) if reduction_prev
                     else ReLUConvBN(c_pp, c, 1, 1, 0, True))
        self.pre1 = ReLUConvBN(c_p, c, 1, 1, 0, True)
        edges = genotype["reduce" if reduction else "normal"]
        self.concat = genotype["reduce_concat" if reduction else "normal_concat"]
        self.ops = nn.ModuleList(
            operation(name, c, 2 if reduction and index < 2 else 1, True)
            for name, index in edges)
        self.inputs = [index for _, index in edges]
        self.multiplier = len(self.concat)

    def forward(self, s0, s1, p):
        states = [self.pre0(s0), self.pre1(s1)]
        for i in range(len(self.ops) // 2):
            hs = []
            for k in (2 * i, 2 * i + 1):
                h = self.ops[k](states[self.inputs[k]])
                if self.training and not isinstance(self.ops[k], nn.Identity):
                    h = drop_path(h, p)
                hs.append(h)
            states.append(hs[0] + hs[1])
        return torch.cat([states[i] for i in self.concat], dim=1)


class AuxiliaryHead(nn.Module):
    def __init__(self, c, classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.ReLU(inplace=True),
            nn.AvgPool2d(5, stride=3, padding=0, count_include_pad=False),
            nn.Conv2d(c, 128, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(inplace=True),
            nn.Conv2d(128, 768, 2, bias=False), nn.BatchNorm2d(768), nn.ReLU(inplace=True))
        self.classifier = nn.Linear(768, classes)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


class EvalNetwork(nn.Module):
    def __init__(self, genotype, c, classes, layers, auxiliary, in_channels):
        super().__init__()
        c_curr = 3 * c
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, c_curr, 3, padding=1, bias=False), nn.BatchNorm2d(c_curr))
        c_pp, c_p, c_curr = c_curr, c_curr, c
        self.cells = nn.ModuleList()
        self.aux_at = 2 * layers // 3
        reduction_prev = False
        for i in range(layers):
            # model_search.py reduces only from 5 layers on, as our CIFAR supernet does.
            reduction = layers >= 5 and i in (layers // 3, 2 * layers // 3)
            if reduction:
                c_curr *= 2
            cell = Cell(genotype, c_pp, c_p, c_curr, reduction, reduction_prev)
            self.cells.append(cell)
            reduction_prev = reduction
            c_pp, c_p = c_p, cell.multiplier * c_curr
            if i == self.aux_at:
                c_aux = c_p
        self.aux = AuxiliaryHead(c_aux, classes) if auxiliary else None
        self.classifier = nn.Linear(c_p, classes)
        self.drop_path_prob = 0.0

    def forward(self, x):
        aux = None
        s0 = s1 = self.stem(x)
        for i, cell in enumerate(self.cells):
            s0, s1 = s1, cell(s0, s1, self.drop_path_prob)
            if i == self.aux_at and self.aux is not None and self.training:
                aux = self.aux(s1)
        return self.classifier(F.adaptive_avg_pool2d(s1, 1).flatten(1)), aux


# --- the steps, timed -----------------------------------------------------------------------

def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def time_steps(step, args):
    for i in range(args.warmup):
        step(i)
    rss_after_warmup = peak_rss_mb()
    ms = []
    for i in range(args.steps):
        t = time.perf_counter()
        step(args.warmup + i)
        ms.append((time.perf_counter() - t) * 1000)
    peak = peak_rss_mb()  # before the profiler's own records
    if args.trace:
        # one more step under the autograd profiler, as `mood-nas bench --trace` does
        with torch.autograd.profiler.profile() as prof:
            step(args.warmup + args.steps)
        prof.export_chrome_trace(args.trace)
    return statistics.median(ms), rss_after_warmup, peak


def batches(args):
    x = torch.randn(args.batch_size, args.input_channels, args.image_size, args.image_size)
    y = torch.randint(0, args.classes, (args.batch_size,))
    return x, y


def search_step(args):
    net = SearchNetwork(args.init_channels, args.classes, args.layers, args.input_channels)
    weights = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=3e-4)
    arch = torch.optim.Adam(net.arch_parameters(), lr=6e-4, betas=(0.5, 0.999),
                            weight_decay=1e-3)
    x, y = batches(args)
    net.train()

    def step(_):
        # the architecture step, as PC-DARTS's first-order Architect runs it
        arch.zero_grad()
        F.cross_entropy(net(x), y).backward()
        arch.step()
        # the weight step
        weights.zero_grad()
        F.cross_entropy(net(x), y).backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        weights.step()

    trained = list(net.parameters()) + list(net.arch_parameters())
    return time_steps(step, args), trained


def eval_step(args):
    genotype = json.loads(args.genotype)
    net = EvalNetwork(genotype, args.init_channels, args.classes, args.layers, args.auxiliary,
                      args.input_channels)
    net.drop_path_prob = args.drop_path_prob
    sgd = torch.optim.SGD(net.parameters(), lr=0.025, momentum=0.9, weight_decay=3e-4)
    x, y = batches(args)
    net.train()

    def step(_):
        sgd.zero_grad()
        logits, aux = net(x)
        loss = F.cross_entropy(logits, y)
        if aux is not None:
            loss = loss + 0.4 * F.cross_entropy(aux, y)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        sgd.step()

    return time_steps(step, args), list(net.parameters())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("bench", choices=["search-step", "eval-step"])
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--init-channels", type=int, required=True)
    p.add_argument("--layers", type=int, required=True)
    p.add_argument("--batch-size", type=int, required=True)
    p.add_argument("--input-channels", type=int, default=3)
    p.add_argument("--image-size", type=int, default=32)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--genotype", help="eval-step: the genotype's canonical JSON")
    p.add_argument("--auxiliary", action="store_true")
    p.add_argument("--drop-path-prob", type=float, default=0.3)
    p.add_argument("--trace", help="write the profiler's trace of one more step to this file")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(2)
    run = search_step if args.bench == "search-step" else eval_step
    (ms, rss_warm, peak), trained = run(args)
    print(json.dumps({
        "bench": args.bench, "engine": "pytorch " + torch.__version__, "threads": args.threads,
        "batch_size": args.batch_size,
        "trained_params": sum(p.numel() for p in {id(p): p for p in trained}.values()),
        "ms_per_step": ms,
        "images_per_sec": args.batch_size * 1000.0 / ms,
        "rss_after_warmup_mb": rss_warm, "peak_rss_mb": peak}))


if __name__ == "__main__":
    main()
